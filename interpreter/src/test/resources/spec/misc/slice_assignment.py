a = list(range(10))
a[::2] = ["x"] * 5
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print(e)
b = [1, 2, 3, 4, 5]
b[1:4] = []
print(b)
b[:0] = [-1, 0]
print(b)
b[len(b):] = [9]
print(b)
c = [0] * 5
c[-2:] = "ab"
print(c)
del c[::-2]
print(c)
print(a[-3:], a[:-7], a[::-3], a[100:200], a[-100:2])
