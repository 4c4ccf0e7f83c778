from dataclasses import dataclass, field
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2)
print(p, Point(5), Point(y=3, x=4), p == Point(1, 2), p == (1, 2), p.x)
p.x = 10
print(p, Point.__init__.__qualname__ if False else "")
@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False)
a, b = Inventory("a"), Inventory("b")
a.items.append(1)
print(a, b, a.count)
