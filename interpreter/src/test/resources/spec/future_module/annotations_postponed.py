from __future__ import annotations
from dataclasses import dataclass, fields
from typing import Optional
@dataclass
class Node:
    value: int
    next: Optional[Node] = None
    def push(self, v: int) -> Node:
        return Node(v, self)
n = Node(1).push(2)
print(n, [f.type for f in fields(Node)], Node.__annotations__)
class Tree:
    left: Tree
    children: list[Tree]
print(Tree.__annotations__)
