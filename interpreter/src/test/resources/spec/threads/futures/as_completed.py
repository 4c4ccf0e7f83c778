import threading
from concurrent.futures import ThreadPoolExecutor, as_completed, TimeoutError

with ThreadPoolExecutor(3) as ex:
    futures = {ex.submit(pow, 2, i): i for i in range(8)}
    results = sorted((futures[f], f.result()) for f in as_completed(futures))
    print(results)
    done_first = ex.submit(str, "x")
    done_first.result()
    print([f.result() for f in as_completed([done_first, done_first])])
    gate = threading.Event()
    blocked = ex.submit(gate.wait)
    fast = ex.submit(int, 5)
    fast.result()
    got = []
    try:
        for f in as_completed([fast, blocked], timeout=0.05):
            got.append(f.result())
    except TimeoutError as e:
        print("TimeoutError:", e, got)
    gate.set()
