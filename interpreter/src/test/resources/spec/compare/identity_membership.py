a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c, None is None)
print(2 in a, 3 in a, 3 not in a, "x" in "xyz", "k" in {"k": 1}, 1 in {1, 2}, 1 in (1,))
print(1 in range(5), 5 in range(5), 4 in range(0, 10, 2), 5 in range(0, 10, 2))
x = None
print(x is None, x is not None, type(x) is type(None))
print(True is True, (1 == 1) is True)
try:
    1 in 5
except TypeError as e:
    print(e)
