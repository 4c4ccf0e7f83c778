class P:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"P(v={self.v!r})"
    def __str__(self):
        return f"<{self.v}>"
    def __format__(self, spec):
        return f"P[{spec}]" if spec else str(self)

p = P("x")
print(p, str(p), repr(p), [p], (p,), {"k": p})
print(f"{p}", f"{p!r}", f"{p!s}", f"{p:wide}", format(p, "s"))

class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
