import gc
import weakref

class Node:
    pass

gc.collect()
a, b = Node(), Node()
a.other, b.other = b, a
order = []
ra = weakref.ref(a, lambda r: order.append("a"))
rb = weakref.ref(b, lambda r: order.append("b"))
del a, b
print(ra() is not None, rb() is not None)
print("collected", gc.collect())
print(ra(), rb(), sorted(order))
