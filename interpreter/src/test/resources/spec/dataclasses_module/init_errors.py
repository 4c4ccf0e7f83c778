from dataclasses import dataclass
@dataclass
class P:
    x: int
    y: int
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1, 2), {"z": 3}), ((1,), {"x": 3}), ((), {})]:
    try:
        P(*args, **kw)
    except TypeError as e:
        print(e)
