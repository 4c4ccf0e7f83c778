import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError

gate = threading.Event()

def slow(x):
    if x == 1:
        gate.wait()
    return x

with ThreadPoolExecutor(2) as ex:
    results = ex.map(slow, [0, 1, 2], timeout=0.05)
    got = []
    try:
        for r in results:
            got.append(r)
    except TimeoutError:
        print("TimeoutError after", got)
    gate.set()
print(TimeoutError.__name__)
