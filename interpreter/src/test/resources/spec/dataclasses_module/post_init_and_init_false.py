from dataclasses import dataclass, field
@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
r = Rect(2, 3.5)
print(r, r.area)
@dataclass(eq=False)
class Node:
    val: int
print(Node(1) == Node(1), isinstance(hash(Node(1)), int))
@dataclass
class Hashless:
    v: int
print(Hashless.__hash__)
