#!/usr/bin/env python3
"""CPython's side of GcBench: the same heap shapes, timed with gc.collect().

Shapes (as in bench/src/main/java/io/github/ftmem/bench/gc/GcBench.java):
  garbage  N garbage objects in N/2 2-cycles (a = []; b = [a]; a.append(b)), then one gc.collect()
  live     N live objects in N/2 2-cycles held from a list, then one gc.collect() (nothing freed)

The graph is built with gc.disable(), so no automatic collection runs meanwhile. Each measurement is
one gc.collect() timed with time.perf_counter_ns(); the best and the median of --repeat runs are
printed, with the cost of collecting the interpreter's own baseline heap (measured the same way
before building anything) reported separately and not subtracted.

Output: one line per (shape, N), tab-separated:
  cpython <version> <shape> N=<n> ns/object best=<x> median=<y> baseline_ns=<z>
Use --csv for "impl,version,shape,n,best_ns_per_object,median_ns_per_object,baseline_ns".
"""

import argparse
import gc
import statistics
import sys
import time


def build_cycles(n):
    firsts = []
    for _ in range(n // 2):
        a = []
        b = [a]
        a.append(b)
        firsts.append(a)
    return firsts


def time_collect(expected=None):
    start = time.perf_counter_ns()
    found = gc.collect()
    elapsed = time.perf_counter_ns() - start
    if expected is not None and found < expected:
        raise SystemExit(f"gc.collect() found {found} objects, expected at least {expected}")
    return elapsed


def measure(shape, n, repeat):
    times = []
    for _ in range(repeat):
        gc.collect()
        if shape == "garbage":
            build_cycles(n)  # the list of first objects is dropped at once: all 2-cycles are garbage
            times.append(time_collect(expected=n))
        else:
            live = build_cycles(n)
            times.append(time_collect())
            del live
            gc.collect()
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shape", choices=["garbage", "live", "all"], default="all")
    parser.add_argument("--n", type=int, nargs="+", default=[100_000, 1_000_000], help="objects per collection")
    parser.add_argument("--repeat", type=int, default=5, help="collections timed per (shape, N)")
    parser.add_argument("--csv", action="store_true", help="print CSV instead of text")
    args = parser.parse_args()

    gc.disable()
    version = "%d.%d.%d" % sys.version_info[:3]
    if getattr(sys, "_is_gil_enabled", None) is not None and not sys._is_gil_enabled():
        version += "t"
    gc.collect()
    baseline = min(time_collect() for _ in range(5))
    shapes = ["garbage", "live"] if args.shape == "all" else [args.shape]
    if args.csv:
        print("impl,version,shape,n,best_ns_per_object,median_ns_per_object,baseline_ns")
    for shape in shapes:
        for n in args.n:
            times = measure(shape, n, args.repeat)
            best = min(times) / n
            median = statistics.median(times) / n
            if args.csv:
                print(f"cpython,{version},{shape},{n},{best:.2f},{median:.2f},{baseline}")
            else:
                print(f"cpython {version}\t{shape}\tN={n}\tns/object best={best:.2f} median={median:.2f}"
                      f"\tbaseline_ns={baseline}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
