import gc


class Box:
    pass


gc.collect()
gc.disable()
l = []
l.append(l)
del l
print("self-list:", gc.collect())
d = {}
d["me"] = d
del d
print("self-dict:", gc.collect())
t = ([],)
t[0].append(t)
del t
print("tuple-list:", gc.collect())
b = Box()
b.me = b
del b
print("instance self:", gc.collect())
a, c = Box(), Box()
a.items = [c, {"back": a}]
c.owner = a
del a, c
print("instance graph:", gc.collect())


def make_closure():
    def inner():
        return inner
    return inner


f = make_closure()
del f
print("recursive closure:", gc.collect())
chain = [Box() for _ in range(10)]
for x, y in zip(chain, chain[1:]):
    x.next = y
chain[-1].next = chain[0]
del chain, x, y
print("ring of 10:", gc.collect())
alive = Box()
alive.self = alive
print("reachable cycle:", gc.collect())
del alive
print("now unreachable:", gc.collect())
gc.enable()
print(gc.isenabled(), gc.collect())
