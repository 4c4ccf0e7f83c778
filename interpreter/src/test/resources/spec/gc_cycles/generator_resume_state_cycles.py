# Cycles through what a suspended generator holds besides its locals: the iterator of a for loop, the
# manager of a with statement, the exception an except clause is handling, a yield-from sub-iterator.
# Each generator takes its Holder out of a box, so no local variable refers to it.
import gc
import weakref


class Holder:
    def __enter__(self):
        return None

    def __exit__(self, *args):
        print("  __exit__ runs when the generator is closed")
        return False


def over_for(box):
    for x in [box.pop()]:
        yield 1


def over_with(box):
    with box.pop():
        yield 1


def over_except(box):
    try:
        raise ValueError(box.pop())
    except ValueError:
        yield 1


def over_finally(box):
    try:
        return box.pop()
    finally:
        yield 1


def over_yield_from(box):
    yield from over_for(box)


gc.collect()
for make in (over_for, over_with, over_except, over_finally, over_yield_from):
    h = Holder()
    g = make([h])
    h.g = g
    next(g)
    del g
    alive = weakref.ref(h)
    del h
    print(make.__name__, alive() is not None)
    print(" collected", gc.collect(), alive())
