from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), tuple(p))
x, y = p
print(x + y, p == (3, 4), Point._fields)
Color = namedtuple("Color", "r g b")
print(Color(1, 2, 3))
try:
    Point(1)
except TypeError as e:
    print(e)
