import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(type(gc.get_threshold()).__name__, len(gc.get_threshold()), len(gc.get_count()))
gc.collect()

class Node:
    def __init__(self):
        self.other = None

a, b = Node(), Node()
a.other, b.other = b, a
del a, b
print(gc.collect())
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked({}), gc.is_tracked(Node()))
lst = []
lst.append(lst)
del lst
print(gc.collect())
print(gc.collect())
print(type(gc.get_stats()).__name__)
