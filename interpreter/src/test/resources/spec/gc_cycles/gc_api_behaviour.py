import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), gc.get_threshold()[0] > 0)
old = gc.get_threshold()
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked({}), gc.is_tracked({"a": []}))
print(gc.is_tracked((1, 2)), gc.is_tracked(object()), gc.is_tracked(gc))


class C:
    pass


print(gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(lambda: 0))
stats = gc.get_stats()
print(len(stats), sorted(stats[0].keys()))
print(gc.collect(), gc.collect(0) >= 0, gc.collect(2))
counts = gc.get_count()
print(len(counts), all(c >= 0 for c in counts))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError")
