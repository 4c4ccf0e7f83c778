from dataclasses import dataclass
@dataclass(unsafe_hash=True)
class Tag:
    name: str
    weight: int = 1
print(len({Tag("a"), Tag("a"), Tag("b", 2)}), Tag("a") == Tag("a", 1))
