t = (1, 2, 3, 2)
print(t, len(t), t[1], t[-1], t[1:3], t.count(2), t.index(3), 2 in t)
print((1,), (), tuple(), (1, 2) + (3,), (0,) * 3)
a, b = (1, 2)
print(a, b, t == (1, 2, 3, 2), t < (1, 3))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "tuple key"}[(1, 2)])
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t.index(99)
except ValueError as e:
    print(e)
