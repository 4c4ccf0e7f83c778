# The workloads of CPython's Tools/ftscalingbench (free-threading scaling bottlenecks: shared reference
# counts, locks, shared caches), written for ftmem with the same semantics, and a harness that times
# each one on one thread and on N threads doing the same work each. ftpy also runs CPython's script
# itself (`ftpy ftscalingbench.py -t 2 --scale 10`); this port adds what a JIT needs for honest numbers:
# warm-up rounds before the timed ones and the best of several repeats.
#
#   ftpy bench/scaling/workloads.py [-t THREADS] [--scale S] [--warmup W] [--repeats R] [NAME...]
#
# Prints one line per workload: name, one-thread ms, N-thread ms, speed-up = N x one-thread / N-thread
# (N on N cores is the ideal; 1.0 is no scaling).
import argparse
import math
import queue
import sys
import threading
import time

SCALE = 100
WORKLOADS = {}


def workload(fn):
    WORKLOADS[fn.__name__] = fn
    return fn


@workload
def object_cfunction():
    # a builtin method on a list local to the thread
    total = 0
    items = [1] * 100
    for i in range(1000 * SCALE):
        items.pop(0)
        items.append(i)
        total += items[50]
    return total


@workload
def cmodule_function():
    # a function of a built-in module, looked up through the module every time
    for i in range(1000 * SCALE):
        math.floor(i * i)


@workload
def mult_constant():
    y = 1.0
    for _ in range(3000 * SCALE):
        y *= 1.01


def small_generator():
    for k in range(10):
        yield k


@workload
def generator():
    total = 0
    for _ in range(100 * SCALE):
        for k in small_generator():
            total += k
    return total


class Tally:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


@workload
def pymethod():
    t = Tally()
    for _ in range(1000 * SCALE):
        t.bump()
    return t.n


def successor(k):
    return k + 1


@workload
def pyfunction():
    last = 0
    for i in range(1000 * SCALE):
        last = successor(i)
    return last


def twice(k):
    return k + k


this_module = sys.modules[__name__]


@workload
def module_function():
    total = 0
    for i in range(1000 * SCALE):
        total += this_module.twice(i)
    return total


@workload
def load_string_const():
    total = 0
    for i in range(1000 * SCALE):
        if i == 'not a number':
            total += 7
        else:
            total += 1
    return total


@workload
def load_tuple_const():
    total = 0
    for i in range(1000 * SCALE):
        if i == (3, 4):
            total += 7
        else:
            total += 1
    return total


class Plain:
    pass


@workload
def create_pyobject():
    for _ in range(1000 * SCALE):
        p = Plain()


@workload
def create_closure():
    for i in range(1000 * SCALE):
        def ident(v):
            return v
        ident(i)


@workload
def create_dict():
    for _ in range(1000 * SCALE):
        d = {"name": "value"}


per_thread = threading.local()


@workload
def thread_local_read():
    loc = per_thread
    loc.value = 10
    for _ in range(500 * SCALE):
        _ = loc.value
        _ = loc.value
        _ = loc.value
        _ = loc.value
        _ = loc.value


def worker(inbox, outbox):
    while True:
        fn = inbox.get()
        if fn is None:
            return
        fn()
        outbox.put(None)


def time_one(fn):
    start = time.perf_counter_ns()
    fn()
    return time.perf_counter_ns() - start


def time_parallel(fn, inboxes, outboxes):
    start = time.perf_counter_ns()
    for inbox in inboxes:
        inbox.put(fn)
    for outbox in outboxes:
        outbox.get()
    return time.perf_counter_ns() - start


def main():
    global SCALE
    parser = argparse.ArgumentParser()
    parser.add_argument("-t", "--threads", type=int, default=2)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("names", nargs="*")
    opts = parser.parse_args()
    for name in opts.names:
        if name not in WORKLOADS:
            sys.stderr.write(f"unknown workload: {name}\n")
            sys.exit(2)
    SCALE = opts.scale
    inboxes = [queue.Queue() for _ in range(opts.threads)]
    outboxes = [queue.Queue() for _ in range(opts.threads)]
    threads = [threading.Thread(target=worker, args=(inboxes[k], outboxes[k]), daemon=True)
               for k in range(opts.threads)]
    for t in threads:
        t.start()
    for name in opts.names or list(WORKLOADS):
        fn = WORKLOADS[name]
        for _ in range(opts.warmup):
            time_one(fn)
            time_parallel(fn, inboxes, outboxes)
        one = min(time_one(fn) for _ in range(opts.repeats))
        many = min(time_parallel(fn, inboxes, outboxes) for _ in range(opts.repeats))
        speedup = one * opts.threads / many
        print(f"{name:<18} {one / 1e6:10.1f} {many / 1e6:10.1f} {speedup:8.2f}")
    for inbox in inboxes:
        inbox.put(None)
    for t in threads:
        t.join()


main()
