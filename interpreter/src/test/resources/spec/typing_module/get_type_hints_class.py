from typing import get_type_hints, List, Optional
class Base:
    a: int
class Node(Base):
    value: int
    children: List["Node"]
    parent: Optional[int] = None
hints = get_type_hints(Node)
print(list(hints), hints["value"], hints["parent"], Node.__annotations__["value"])
