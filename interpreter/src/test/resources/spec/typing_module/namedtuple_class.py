from typing import NamedTuple, List
class Point(NamedTuple):
    x: int
    y: int = 0
    def dist2(self) -> int:
        return self.x * self.x + self.y * self.y
p = Point(3, 4)
q = Point(1)
print(p, q, p.dist2(), p.x, p[1], len(p), list(p))
print(p._asdict(), p._replace(y=9), Point._fields, Point._make([5, 6]))
print(p == Point(3, 4), p != q)
x, y = p
print(x + y)
Emp = NamedTuple("Emp", [("name", str), ("tags", List[str])])
e = Emp("ann", ["a"])
print(e, e.name)
try:
    Point()
except TypeError as err:
    print(err)
