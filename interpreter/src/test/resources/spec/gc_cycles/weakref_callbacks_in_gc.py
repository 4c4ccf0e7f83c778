import gc
import weakref

events = []


class Node:
    def __init__(self, name):
        self.name = name


def cb(label):
    return lambda ref: events.append(label)


gc.collect()
gc.disable()
nodes = [Node("n%d" % i) for i in range(5)]
for i, n in enumerate(nodes):
    n.next = nodes[(i + 1) % 5]
refs = [weakref.ref(n, cb(n.name)) for n in nodes]
del nodes, n
print("alive:", [r() is not None for r in refs])
print("collected:", gc.collect())
print("callbacks:", sorted(events), "dead:", [r() for r in refs])
events.clear()
x = Node("x")
x.me = x
r1 = weakref.ref(x, cb("first"))
r2 = weakref.ref(x, cb("second"))
r3 = weakref.ref(x, cb("third"))
del r2, x
print("collected:", gc.collect(), events)
gc.enable()
