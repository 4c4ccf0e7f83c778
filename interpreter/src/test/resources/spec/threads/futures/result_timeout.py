import threading
import concurrent.futures as cf

gate = threading.Event()
with cf.ThreadPoolExecutor(1) as ex:
    f = ex.submit(gate.wait)
    try:
        f.result(timeout=0.01)
    except cf.TimeoutError as e:
        print("TimeoutError", type(e).__name__, repr(str(e)))
    try:
        f.exception(timeout=0)
    except TimeoutError:
        print("exception() timed out too")
    print(f.done())
    gate.set()
    print(f.result(timeout=10))
print(f.done())
print(cf.TimeoutError is TimeoutError)
