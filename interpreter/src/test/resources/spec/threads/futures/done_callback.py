import threading
from concurrent.futures import ThreadPoolExecutor

log = []
lock = threading.Lock()

def record(tag):
    def cb(fut):
        with lock:
            log.append((tag, fut.result() if not fut.cancelled() else "cancelled"))
    return cb

with ThreadPoolExecutor(2) as ex:
    f = ex.submit(sum, [1, 2, 3])
    f.add_done_callback(record("first"))
    f.result()
ex_done = f.done()
f.add_done_callback(record("after done"))
print(ex_done, sorted(log))

def broken_cb(fut):
    raise ValueError("callback failed")

with ThreadPoolExecutor(1) as ex:
    g = ex.submit(int, "7")
    g.result()
    g.add_done_callback(record("g"))
print(sorted(log))
