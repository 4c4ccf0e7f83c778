class Tracked:
    log = []

    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        Tracked.log.append(self.name)
        print("del", self.name, "child alive:", self.child is not None)


def build():
    leaf = Tracked("leaf")
    mid = Tracked("mid", leaf)
    return Tracked("root", mid)


root = build()
print("built")
del root
print("order:", Tracked.log)
items = [Tracked("item%d" % i) for i in range(4)]
print("list built")
del items[1]
items.pop()
print("remaining", [t.name for t in items])
items = None
d = {"x": Tracked("dx"), "y": Tracked("dy")}
d["x"] = Tracked("dx2")
print("dict replaced x")
d.clear()
t = (Tracked("t1"), Tracked("t2"))
del t
print("tuple gone")


def make_and_drop():
    a = Tracked("local a")
    b = Tracked("local b")
    return "returned"


print(make_and_drop())
s = Tracked("reassigned")
s = Tracked("replacement")
del s
print("end", len(Tracked.log))
