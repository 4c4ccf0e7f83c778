# Attribute stores before and after the first class with __slots__ exists.
class Plain:
    pass


p = Plain()
p.a = 1
p.a += 1
print(p.a, p.__dict__)


class Slotted:
    __slots__ = ("x",)


s = Slotted()
s.x = 1
try:
    s.y = 2
except AttributeError as e:
    print(type(e).__name__, e)
p.b = 3
print(s.x, p.b, sorted(vars(p)))


def make():
    class Inner:
        __slots__ = ("v", "__dict__")
    return Inner


i = make()()
i.v = 4
i.w = 5
print(i.v, i.w, i.__dict__)
