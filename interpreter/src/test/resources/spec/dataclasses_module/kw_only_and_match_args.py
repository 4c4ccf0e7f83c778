from dataclasses import dataclass, field, KW_ONLY
@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int
print(Opts(level=3))
try:
    Opts(1)
except TypeError as e:
    print(e)
try:
    Opts()
except TypeError as e:
    print(e)
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
print(Mixed(1, b=5), Mixed.__match_args__)
