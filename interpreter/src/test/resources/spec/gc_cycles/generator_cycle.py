import gc
import weakref

def gen():
    me = yield
    yield me

gc.collect()
g = gen()
next(g)
g.send(g)
del g
# The suspended generator is finalized (closed), which clears its frame and so breaks the
# cycle before the collector counts it: CPython reports 0 here.
print(gc.collect())

class Holder:
    def __init__(self):
        self.g = self.run()
    def run(self):
        yield self

h = Holder()
next(h.g)
alive = weakref.ref(h)
del h
print(alive() is not None)
print(gc.collect(), alive())

finished = gen()
next(finished)
loop = [finished]
loop.append(loop)
del finished, loop
print(gc.collect())
