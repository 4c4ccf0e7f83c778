import operator

binary = [
    ("add", operator.add), ("sub", operator.sub), ("mul", operator.mul), ("truediv", operator.truediv),
    ("floordiv", operator.floordiv), ("mod", operator.mod), ("pow", operator.pow), ("lshift", operator.lshift),
    ("rshift", operator.rshift), ("and_", operator.and_), ("or_", operator.or_), ("xor", operator.xor),
]
for name, fn in binary:
    print(f"{name:>9}: {fn(17, 5)!r:>10} {fn(-17, 3)!r:>10}")
for name in ("lt", "le", "eq", "ne", "ge", "gt"):
    fn = getattr(operator, name)
    print(name, fn(1, 2), fn(2, 2), fn("b", "a"))
print(operator.neg(5), operator.pos(-5), operator.abs(-3.5), operator.inv(5), operator.not_(0), operator.truth([1]))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.concat("ab", "cd"))
print(operator.countOf([1, 2, 1, 1], 1), operator.indexOf("hello", "l"))
seq = [1, 2, 3]
operator.setitem(seq, 0, 10)
operator.delitem(seq, 1)
print(seq, operator.getitem(seq, -1), operator.getitem({"a": 1}, "a"))


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + other.v)

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return f"Num({self.v})"


print(operator.add(Num(1), Num(2)), operator.lt(Num(1), Num(2)), sorted([Num(3), Num(1)]))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])))
try:
    operator.truediv(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    operator.indexOf([1], 9)
except ValueError as e:
    print("ValueError:", e)
