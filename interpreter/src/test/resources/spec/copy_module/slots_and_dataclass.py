import copy
from dataclasses import dataclass, field
@dataclass
class Cfg:
    name: str
    opts: dict = field(default_factory=dict)
c = Cfg("a", {"k": [1]})
d = copy.deepcopy(c)
c.opts["k"].append(2)
print(c, d, copy.copy(c).opts is c.opts)
