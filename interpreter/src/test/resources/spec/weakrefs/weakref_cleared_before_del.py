import gc
import weakref

log = []


class Resource:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        log.append("del %s; weakref sees %s" % (self.name, wr() if self.name == "a" else "-"))


def callback(ref):
    log.append("callback; ref() is %s" % ref())


gc.collect()
a = Resource("a")
b = Resource("b")
a.peer, b.peer = b, a
wr = weakref.ref(a, callback)
del a, b
print("alive before collect:", wr() is not None, wr().name)
print("collected:", gc.collect())
for line in log:
    print(line)
print("after:", wr())
log.clear()
c = Resource("c")
wc = weakref.ref(c, callback)
del c
print(log)
