import gc

keep = []


class Lazarus:
    def __init__(self, name):
        self.name = name
        self.buddy = None

    def __del__(self):
        print("finalizing", self.name)
        keep.append(self)


class Plain:
    pass


gc.collect()
gc.disable()
l = Lazarus("l")
p = Plain()
l.buddy, p.buddy = p, l
del l, p
print("first collect:", gc.collect())
print("kept:", [k.name for k in keep], type(keep[0].buddy).__name__)
print("nothing new:", gc.collect())
keep.clear()
print("dropped; collect:", gc.collect())
m = Lazarus("m")
m.buddy = m
del m
print("self cycle collect:", gc.collect(), len(keep))
keep[0].buddy = None
keep.clear()
print("after release:", gc.collect())
gc.enable()
