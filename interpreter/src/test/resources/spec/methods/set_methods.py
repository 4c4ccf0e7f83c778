s = {3, 1, 2}
s.add(4)
s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s)
s.discard(9)
s.remove(4)
print(sorted(s))
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, a.issubset(b), {1}.isdisjoint({2}), a.issuperset({1}))
c = set(a)
c.update([10, 11])
c -= {1}
c |= {0}
print(sorted(c), c.pop() in {0, 2, 3, 10, 11})
print(set(), set([1, 1, 2]) == {1, 2}, frozenset([1, 2]) == {1, 2})
try:
    set().remove(1)
except KeyError as e:
    print("KeyError", e)
