import gc
import weakref

fired = []


class Node:
    def __init__(self, name):
        self.name = name


def on_dead(ref):
    fired.append("callback")


gc.collect()
a = Node("a")
a.self_loop = a
a.wr = weakref.ref(a, on_dead)
del a
print("collected:", gc.collect())
print("weakref inside the garbage -> no callback:", fired)

b = Node("b")
b.self_loop = b
outside = weakref.ref(b, on_dead)
del b
print("collected:", gc.collect())
print("weakref outside -> callback:", fired, outside())

fired.clear()
c = Node("c")
temp = weakref.ref(c, on_dead)
temp = None
del c
print("weakref dropped first -> no callback:", fired)

d = Node("d")
refs = {"r": weakref.ref(d, on_dead)}
e = Node("e")
e.partner = d
d.partner = e
del d, e
print("collected:", gc.collect(), fired, refs["r"]())
