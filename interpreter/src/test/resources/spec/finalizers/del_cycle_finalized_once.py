import gc


class Node:
    finalized = []

    def __init__(self, name):
        self.name = name
        self.links = []

    def __del__(self):
        Node.finalized.append(self.name)
        print("finalize", self.name, "links", [n.name for n in self.links])


gc.collect()
gc.disable()
ring = [Node("n%d" % i) for i in range(4)]
for i, node in enumerate(ring):
    node.links.append(ring[(i + 1) % 4])
ring[0].links.append(ring[2])
del ring, node
print("ring dropped; finalized so far:", Node.finalized)
print("collected:", gc.collect())
print("finalized:", sorted(Node.finalized))
print("collected again:", gc.collect())
a = Node("self-loop")
a.links.append(a)
del a
print("collected self-loop:", gc.collect())
print("total finalized:", len(Node.finalized), len(set(Node.finalized)))
gc.enable()
