# A generator suspended in the middle of a call `consume((yield ...))` still holds the callee, a
# module-level (deferred) function. Deleting the function from the module and collecting must not
# free it: the suspended frame refers to it (in ftpy, an uncounted reference on the generator's
# frame chain that the collector's root scanner walks).
import gc

gc.collect()


def consume(value):
    return value * 10


class Sink:
    def __init__(self, label):
        self.label = label


def pipeline():
    total = consume((yield 'first'))
    sink = Sink((yield total))
    yield sink.label


g = pipeline()
print(next(g))
del consume
print(gc.collect())
print(g.send(4))
gc.collect()  # ftpy frees the deleted deferred function here, CPython at the end of its call
del Sink
print(gc.collect())
print(g.send('made'))
g.close()
del g
gc.collect()
print(gc.collect())
