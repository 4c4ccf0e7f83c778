import gc

survivors = []


class Phoenix:
    count = 0

    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        Phoenix.count += 1
        print("__del__", self.name, "call", Phoenix.count)
        if self.name == "resurrect":
            survivors.append(self)


gc.collect()
a = Phoenix("resurrect")
b = Phoenix("plain")
a.partner, b.partner = b, a
del a, b
print("first collect:", gc.collect())
print("survivors:", [p.name for p in survivors], survivors[0].partner.name)
survivors.clear()
print("second collect:", gc.collect())
print("finalizer calls:", Phoenix.count)
c = Phoenix("resurrect")
del c
print("by refcount, survivors:", len(survivors))
survivors.clear()
print("dropped again, calls:", Phoenix.count)
print("final collect:", gc.collect())
