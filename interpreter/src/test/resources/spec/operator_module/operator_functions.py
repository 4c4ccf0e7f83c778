import operator
print(operator.add(2, 3), operator.mul(4, 5), operator.sub(9, 4), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.neg(5), operator.eq(1, 1), operator.lt(1, 2), operator.not_(0))
print(operator.getitem([1, 2, 3], 1), operator.contains("abc", "b"), operator.and_(6, 3), operator.or_(6, 3))
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=operator.itemgetter(1)), operator.itemgetter(0, 1)(("x", "y", "z")))
class P:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return f"P({self.n})"
print(sorted([P(3), P(1)], key=operator.attrgetter("n")))
import functools
print(functools.reduce(operator.add, [1, 2, 3, 4]))
