class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


p = Point(1, 2)
p.x += 10
print(p, p.x, p.y, Point.__slots__)
print(hasattr(p, "__dict__"), hasattr(p, "z"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
print(p)
points = [Point(i, i * i) for i in range(5)]
print(sum(q.y for q in points), max(points, key=lambda q: q.y))
print(getattr(p, "x"), getattr(p, "missing", "default"))
setattr(p, "x", 42)
print(p.x)
try:
    setattr(p, "w", 1)
except AttributeError as e:
    print("AttributeError:", e)


class Single:
    __slots__ = "value"


s = Single()
s.value = "only"
print(s.value, Single.__slots__)
try:
    s.other = 1
except AttributeError as e:
    print("AttributeError:", e)
