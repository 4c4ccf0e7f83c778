import threading

s = threading.Semaphore(2)
print(s.acquire(), s.acquire())
print(s.acquire(False))
print(s.acquire(timeout=0.01))
s.release()
print(s.acquire(blocking=False))
s.release()
s.release()
with s:
    print("in with")
d = threading.Semaphore()
print(d.acquire(), d.acquire(False))
d.release()
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError:", e)
