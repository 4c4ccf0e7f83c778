import gc
gc.collect()
l = []
l.append(l)
d = {}
d["self"] = d
class Obj:
    pass
o = Obj()
o.me = o
def f():
    pass
f.attr = f
print(l, d)
del l, d, o, f
print(gc.collect())
t = ([],)
t[0].append(t)
del t
print(gc.collect())
