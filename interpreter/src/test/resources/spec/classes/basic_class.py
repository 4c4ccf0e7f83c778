class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def __repr__(self):
        return f"Point({self.x}, {self.y})"

    def __str__(self):
        return f"({self.x}, {self.y})"

p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
print(p, repr(p), str(p), [p])
p.z = 5
print(p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "w", "default"))
setattr(p, "x", 10)
print(p.x, getattr(p, "x"))
print(type(p).__name__, isinstance(p, Point), isinstance(3, Point))
try:
    p.missing
except AttributeError as e:
    print(e)
