a = [1, [2, 3]]
b = a
c = a[:]
d = list(a)
a[0] = 99
a[1].append(4)
print(a, b, c, d)
print(a is b, a is c, c[1] is a[1], c == d)
x = 256
y = 256
print(x is y, x == y)
t1 = (1, 2)
t2 = tuple([1, 2])
print(t1 == t2)
s1 = "interned"
s2 = "interned"
print(s1 == s2)
n = None
print(n is None, id(n) == id(None))
