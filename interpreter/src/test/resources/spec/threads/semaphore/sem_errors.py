import threading

try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    threading.BoundedSemaphore(-3)
except ValueError as e:
    print("ValueError:", e)
s = threading.Semaphore(0)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)
s.release(3)
print([s.acquire(False) for _ in range(4)])
print(threading.Semaphore(0).acquire(timeout=0))
