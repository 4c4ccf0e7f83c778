from collections import namedtuple

Point = namedtuple("Point", "x y")
Person = namedtuple("Person", ["name", "age", "city"], defaults=["nowhere"])
p = Point(3, 4)
q = Point(x=1, y=-2)
print(p, q, p.x + q.y, p[0], p[-1], len(p))
x, y = p
print(x, y, p == (3, 4), p == Point(3, 4), tuple(p))
print(p._asdict(), p._replace(y=10), Point._fields)
ann = Person("Ann", 30)
bob = Person("Bob", 25, "Paris")
print(ann, bob.city, sorted([ann, bob], key=lambda r: r.age))
people = [Person("C", 40, "Rome"), ann, bob]
print(max(people, key=lambda r: r.age).name, [r.name for r in sorted(people)])
print({Point(1, 2): "a"}[Point(1, 2)], hash(Point(1, 2)) == hash((1, 2)))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError")
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
Vector = namedtuple("Vector", "dx, dy")


def add(a, b):
    return Vector(a.dx + b.dx, a.dy + b.dy)


print(add(Vector(1, 2), Vector(3, 4)), Vector._fields)
