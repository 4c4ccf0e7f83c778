# The seed program thread_demo.py's measurement with its sizes as arguments: THREADS threads x an
# N-iteration integer loop, run sequentially and then on threads. Prints the two times and their ratio.
#   cpu_threads.py [N] [THREADS]
import sys
import threading
import time


def cpu_work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 8


def run_threaded():
    threads = [threading.Thread(target=cpu_work, args=(N,)) for _ in range(THREADS)]
    t = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return time.perf_counter() - t


def run_sequential():
    t = time.perf_counter()
    for _ in range(THREADS):
        cpu_work(N)
    return time.perf_counter() - t


sequential = run_sequential()
threaded = run_threaded()
print(f"{sequential:.3f} {threaded:.3f} {threaded / sequential:.3f}")
