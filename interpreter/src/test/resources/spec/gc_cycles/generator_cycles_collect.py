# Generators in reference cycles: unstarted, finished and suspended ones, through frames and containers.
import gc


class Box:
    pass


def holds(box):
    box.gen_ref = None
    yield box


gc.collect()
b = Box()
g = holds(b)
b.gen = g
del b, g
print("unstarted generator in a cycle:", gc.collect())

b = Box()
g = holds(b)
b.gen = g
list(g)
del b, g
print("finished generator in a cycle:", gc.collect())


def self_loop():
    me = yield
    yield me


done = self_loop()
next(done)
done.send(done)
for _ in done:
    pass
del done
print("finished self loop:", gc.collect())

items = []
gens = [(x for x in items) for _ in range(3)]
items.append(gens)
del items, gens
print("genexps over their own list:", gc.collect())


def plain(n):
    yield n


chain = [plain(i) for i in range(4)]
chain.append(chain)
del chain
print("unstarted generators in a list cycle:", gc.collect())
