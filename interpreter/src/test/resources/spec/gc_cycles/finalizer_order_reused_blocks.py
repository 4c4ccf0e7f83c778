# Garbage cycles whose objects were allocated into blocks freed out of order: the collector must
# still finalize them in creation order (CPython's gc lists are in allocation order), so the ftmem
# heap order is re-sorted by creation serial before a collection.
import gc


class Junk:
    pass


class Node:
    def __init__(self, i):
        self.i = i
        self.other = None

    def __del__(self):
        order.append(self.i)


order = []
gc.disable()
junk = [Junk() for _ in range(4000)]
# Free the blocks in a scrambled order, so later allocations reuse them out of address order.
for k in range(4000):
    junk[(k * 2654435761) % 4000] = None
junk = None

for i in range(0, 3000, 2):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
a = b = None

print("collected", gc.collect())
print("finalized", len(order))
print("in creation order", order == sorted(order))
print("first", order[:8])
print("last", order[-4:])
gc.enable()
