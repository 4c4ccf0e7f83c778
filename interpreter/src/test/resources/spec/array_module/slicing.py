from array import array
x = array("i", range(10))
print(x[2:5], x[::-1], x[::3], x[-3:], x[5:2])
x[1:3] = array("i", [9])
print(x)
del x[::2]
print(x)
y = array("i", [1, 2, 3, 4, 5])
y[::2] = array("i", [7, 8, 9])
print(y)
try:
    y[::2] = array("i", [1])
except ValueError as e:
    print(e)
try:
    y[0:1] = [1]
except TypeError as e:
    print(e)
del y[1]
print(y)
