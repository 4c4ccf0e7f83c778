import threading
from concurrent.futures import ThreadPoolExecutor, wait, ALL_COMPLETED

with ThreadPoolExecutor(3) as ex:
    fs = [ex.submit(sum, range(i)) for i in range(6)]
    done, not_done = wait(fs)
    print(len(done), len(not_done), sorted(f.result() for f in done))
    done, not_done = wait(fs, timeout=0, return_when=ALL_COMPLETED)
    print(len(done), len(not_done))
    gate = threading.Event()
    blocked = ex.submit(gate.wait)
    done, not_done = wait([blocked, fs[0]], timeout=0.02)
    print(len(done), len(not_done), blocked in not_done)
    gate.set()
    result = wait([blocked])
    print(type(result).__name__, result.done == result[0], len(result.not_done))
