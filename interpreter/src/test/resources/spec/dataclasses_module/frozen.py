from dataclasses import dataclass, FrozenInstanceError
@dataclass(frozen=True)
class Key:
    a: int
    b: str
k = Key(1, "x")
print(k, hash(k) == hash(Key(1, "x")), {k: 1}[Key(1, "x")])
try:
    k.a = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del k.b
except FrozenInstanceError as e:
    print(e)
