class Base:
    __slots__ = ("a",)

    def __init__(self):
        self.a = "base-a"


class WithSlots(Base):
    __slots__ = ("b",)

    def __init__(self):
        super().__init__()
        self.b = "sub-b"


class WithoutSlots(Base):
    def __init__(self):
        super().__init__()
        self.c = "free-c"


class DictSlot:
    __slots__ = ("x", "__dict__")


w = WithSlots()
print(w.a, w.b, hasattr(w, "__dict__"))
try:
    w.c = 1
except AttributeError as e:
    print("AttributeError:", e)

o = WithoutSlots()
o.anything = 1
print(o.a, o.c, o.anything, hasattr(o, "__dict__"), sorted(o.__dict__))

d = DictSlot()
d.x = 1
d.y = 2
print(d.x, d.y, d.__dict__)


class Counted:
    __slots__ = ("n",)
    instances = 0

    def __init__(self, n):
        self.n = n
        Counted.instances += 1


items = [Counted(i) for i in range(4)]
print(Counted.instances, [c.n for c in items])
try:
    items[0].instances = 9
except AttributeError as e:
    print("AttributeError:", e)
print(Counted.instances)
del o.a
print(hasattr(o, "a"), sorted(vars(o)))
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
o.a = "again"
print(o.a, sorted(vars(o)))
