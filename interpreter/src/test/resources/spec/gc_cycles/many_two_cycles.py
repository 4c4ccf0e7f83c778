import gc

class Pair:
    __slots__ = ("other", "__weakref__")

gc.collect()
gc.disable()
for _ in range(20000):
    a, b = Pair(), Pair()
    a.other, b.other = b, a
del a, b
print(gc.collect())
gc.enable()
print(gc.collect())
