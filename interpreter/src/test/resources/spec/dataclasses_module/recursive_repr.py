from dataclasses import dataclass, field
@dataclass
class Node:
    name: str
    links: list = field(default_factory=list)
a = Node("a")
a.links.append(a)
print(a)
