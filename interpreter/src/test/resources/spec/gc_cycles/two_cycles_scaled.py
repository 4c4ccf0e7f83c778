# bench/interp/gc_cycles.py at 20,000 objects (10,000 pairs): the collected count must equal CPython's.
import gc


class Node:
    def __init__(self):
        self.partner = None


def build(pairs):
    for _ in range(pairs):
        a = Node()
        b = Node()
        a.partner = b
        b.partner = a


gc.collect()
gc.disable()
build(10000)
print(gc.collect())
gc.enable()
print("after:", gc.collect())
