import weakref


class Target:
    def __init__(self, name):
        self.name = name


events = []


def make_callback(label):
    def callback(ref):
        events.append((label, ref() is None))
    return callback


t = Target("t")
refs = [weakref.ref(t, make_callback("cb%d" % i)) for i in range(4)]
plain = weakref.ref(t)
print(len(refs), plain() is t, weakref.getweakrefcount(t))
del t
print(events)
print([r() for r in refs], plain())
events.clear()
u = Target("u")
keep = weakref.ref(u, make_callback("kept"))
drop = weakref.ref(u, make_callback("dropped"))
del drop
del u
print(events)


def self_removing(ref):
    events.append("self-removing saw dead referent")
    holder.remove(ref)


events.clear()
v = Target("v")
holder = [weakref.ref(v, self_removing)]
del v
print(events, holder)
