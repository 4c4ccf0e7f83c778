# A module-level function (deferred reference counting) that deletes itself from the module while it
# runs: only the running frame and the caller's stack still refer to it, and a collection must not
# free it. A class deleted from the module while its constructor runs, and a module attribute call.
# (A deleted deferred function is freed by the next collection, not at once as in CPython 3.11: each
# part starts with a silent gc.collect() so that the printed counts are CPython's.)
import gc
import sys

gc.collect()


def worker(n):
    global worker
    del worker
    found = gc.collect()
    total = 0
    for i in range(n):
        total += i * i
    return found, total, worker_name()


def worker_name():
    return 'worker' in dir(sys.modules['__main__']) if '__main__' in sys.modules else False


print(worker(10))
print(worker_name())

gc.collect()


def countdown(n):
    if n == 0:
        global countdown
        del countdown
        return gc.collect()
    return countdown(n - 1)


print(countdown(5))
try:
    countdown
except NameError as e:
    print(e)

gc.collect()


class Node:
    made = 0

    def __init__(self, value):
        global Node
        del Node
        self.collected = gc.collect()
        self.value = value
        type(self).made += 1


n = Node(7)
print(n.collected, n.value, type(n).__name__, type(n).made)
try:
    Node
except NameError as e:
    print(e)
del n
print(gc.collect() > 0)

gc.collect()


def by_module_attribute():
    return gc.collect()


print(sys.modules['gc'].collect(), by_module_attribute())
funcs = [by_module_attribute]
del by_module_attribute
print(funcs.pop()(), len(funcs))
