from dataclasses import dataclass, field, asdict, astuple, fields, replace, is_dataclass
@dataclass
class Inner:
    v: int
@dataclass
class Outer:
    name: str
    inner: Inner
    tags: list = field(default_factory=list)
o = Outer("o", Inner(3), [Inner(1), 2])
print(asdict(o))
print(astuple(o))
print([f.name for f in fields(o)], [f.type for f in fields(Outer)])
print(replace(o, name="new"), o.name)
print(is_dataclass(o), is_dataclass(Outer), is_dataclass(3))
try:
    asdict(3)
except TypeError as e:
    print(e)
try:
    fields(3)
except TypeError as e:
    print(e)
