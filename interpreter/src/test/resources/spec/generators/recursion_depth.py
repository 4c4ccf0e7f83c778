# Resuming a generator counts as a frame: deep chains of generators raise RecursionError.
import sys


def chain(n):
    if n == 0:
        yield "bottom"
    else:
        yield from chain(n - 1)


print(list(chain(50)))
try:
    list(chain(sys.getrecursionlimit() + 100))
except RecursionError as e:
    print("RecursionError:", e)


def nested(n):
    if n == 0:
        yield 0
    else:
        for x in nested(n - 1):
            yield x + 1


print(list(nested(100)))
try:
    next(nested(5000))
except RecursionError:
    print("deep for-chain: RecursionError")
