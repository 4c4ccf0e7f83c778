import threading
from concurrent.futures import ThreadPoolExecutor

gate = threading.Event()
started = threading.Event()

def blocker():
    started.set()
    gate.wait()
    return "ran"

ex = ThreadPoolExecutor(1)
first = ex.submit(blocker)
rest = [ex.submit(lambda i=i: i) for i in range(4)]
started.wait()
ex.shutdown(wait=False, cancel_futures=True)
print([f.cancelled() for f in rest])
gate.set()
print(first.result())
ex.shutdown(wait=True)
print(first.done(), all(f.done() for f in rest))
