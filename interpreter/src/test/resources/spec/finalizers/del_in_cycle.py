import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("finalizing", self.name)

gc.collect()
a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
del a, b
print("cycle unreachable")
n = gc.collect()
print("collected", n)
print("second collect", gc.collect())
