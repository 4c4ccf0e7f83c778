from dataclasses import dataclass
@dataclass(frozen=True)
class C:
    v: int
c = C(1)
c.v = 2
