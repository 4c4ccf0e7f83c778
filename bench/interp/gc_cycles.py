"""Builds and drops OBJECTS instances in 2-cycles (pairs pointing at each other) with automatic
collection disabled, then times one gc.collect(). Prints the collected count (compared with CPython's
by bench/run-interp) and a "# "-prefixed line with the time of that collect (not compared).
    gc_cycles.py [OBJECTS]      (default 1,000,000 objects = 500,000 pairs)
"""
import gc
import sys
import time


class Node:
    def __init__(self):
        self.partner = None


def build(pairs):
    for _ in range(pairs):
        a = Node()
        b = Node()
        a.partner = b
        b.partner = a


def main():
    objects = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    gc.collect()
    gc.disable()
    build(objects // 2)
    start = time.perf_counter()
    collected = gc.collect()
    elapsed = time.perf_counter() - start
    gc.enable()
    print(collected)
    print("after:", gc.collect())
    print("# gc.collect() of %d objects: %.3f s" % (objects, elapsed))


main()
