import threading
from concurrent.futures import ThreadPoolExecutor, wait, FIRST_EXCEPTION, ALL_COMPLETED

gate = threading.Event()

def fail():
    raise OSError("disk on fire")

with ThreadPoolExecutor(3) as ex:
    slow = ex.submit(gate.wait)
    bad = ex.submit(fail)
    done, not_done = wait([slow, bad], return_when=FIRST_EXCEPTION)
    print(bad in done, slow in not_done)
    print(type(bad.exception()).__name__, bad.exception())
    gate.set()
    ok = [ex.submit(abs, -i) for i in range(3)]
    done, not_done = wait(ok, return_when=FIRST_EXCEPTION)
    print(len(done), len(not_done))
print(FIRST_EXCEPTION, ALL_COMPLETED)
