from concurrent.futures import ThreadPoolExecutor

def divide(a, b):
    return a / b

def nested():
    raise KeyError("deep")

with ThreadPoolExecutor(2) as ex:
    ok = ex.submit(divide, 6, 3)
    bad = ex.submit(divide, 1, 0)
    key = ex.submit(nested)
    print(ok.result())
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("re-raised:", type(e).__name__, e)
    exc = key.exception()
    print(type(exc).__name__, exc)
    try:
        key.result()
    except KeyError as e:
        print("same object", e is exc)
    print(bad.done(), bad.cancelled())
    it = ex.map(divide, [1, 2], [1, 0])
    print(next(it))
    try:
        next(it)
    except ZeroDivisionError:
        print("map re-raises")
