class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print(e)

class Counter:
    count = 0
    def __init__(self):
        self.__class__.count += 1

Counter()
Counter()
print(Counter.count)

class Shape:
    sides = 0
    def describe(self):
        return f"{self.__class__.__name__} with {self.sides} sides"

class Triangle(Shape):
    sides = 3

print(Triangle().describe(), Shape().describe())
