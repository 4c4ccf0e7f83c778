a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = "abcde"
print(head, mid, tail)
x = y = z = 0
print(x, y, z)
p, (q, *r) = 1, [2, 3, 4]
print(p, q, r)
for i, (k, *vs) in enumerate([("a", 1, 2), ("b",)]):
    print(i, k, vs)
lst = [0, 0, 0]
lst[0], lst[2] = "L", "R"
print(lst)
class O:
    pass
o = O()
o.a, o.b = 1, 2
print(o.a, o.b)
try:
    m, n = [1, 2, 3]
except ValueError as err:
    print(err)
try:
    m, n, k = [1, 2]
except ValueError as err:
    print(err)
try:
    m, *n, k = [1]
except ValueError as err:
    print(err)
