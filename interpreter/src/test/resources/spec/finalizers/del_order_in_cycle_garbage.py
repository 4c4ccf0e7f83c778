import gc

order = []


class Obj:
    def __init__(self, name):
        self.name = name
        self.refs = []

    def __del__(self):
        order.append(self.name)


gc.collect()
objs = [Obj(c) for c in "abcdef"]
for i, o in enumerate(objs):
    o.refs.append(objs[(i * 2 + 1) % len(objs)])
objs[5].refs.append(objs[0])
holder = Obj("holder")
holder.refs = objs
objs[3].refs.append(holder)
del objs, o, holder
n = gc.collect()
print("collected", n)
print("finalized", len(order), sorted(order))
order.clear()
x = Obj("x")
x.refs.append([x, {"k": x}])
del x
print("collected", gc.collect(), order)
