import weakref

class Target:
    def __init__(self, name):
        self.name = name

def on_death(ref):
    print("callback: referent gone, ref() is", ref())

t = Target("t")
r = weakref.ref(t)
r2 = weakref.ref(t, on_death)
print(r() is t, r().name, r2() is t)
del t
print(r(), r2())
o = Target("o")
r3 = weakref.ref(o, on_death)
del r3
del o
print("no callback when the weakref itself died")
