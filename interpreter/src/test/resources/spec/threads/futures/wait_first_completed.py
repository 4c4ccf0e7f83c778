import threading
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_COMPLETED

gate = threading.Event()
with ThreadPoolExecutor(2) as ex:
    slow = ex.submit(gate.wait)
    fast = ex.submit(lambda: "fast")
    done, not_done = wait([slow, fast], return_when=FIRST_COMPLETED)
    print(fast in done, slow in not_done, len(done), len(not_done))
    gate.set()
    done, not_done = wait([slow, fast], timeout=10, return_when=FIRST_COMPLETED)
    print(len(done), len(not_done))
print(FIRST_COMPLETED)
