import threading

lock = threading.Lock()
for kwargs in ({"blocking": False, "timeout": 1}, {"timeout": -2}, {"timeout": -0.5}):
    try:
        lock.acquire(**kwargs)
    except ValueError as e:
        print("ValueError:", e)
try:
    lock.acquire(timeout=threading.TIMEOUT_MAX * 2)
except OverflowError as e:
    print("OverflowError")
try:
    lock.acquire(timeout="soon")
except TypeError as e:
    print("TypeError")
print(lock.locked())
