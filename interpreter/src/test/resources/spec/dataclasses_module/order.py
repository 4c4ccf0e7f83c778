from dataclasses import dataclass
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
try:
    Version(1) < 3
except TypeError as e:
    print(e)
@dataclass
class Plain:
    a: int
try:
    Plain(1) < Plain(2)
except TypeError as e:
    print(e)
