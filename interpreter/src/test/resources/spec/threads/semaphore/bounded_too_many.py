import threading

b = threading.BoundedSemaphore(2)
b.acquire()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError:", e)
b.acquire()
b.acquire()
b.release(2)
try:
    b.release(1)
except ValueError as e:
    print("ValueError:", e)
b.acquire()
try:
    b.release(2)
except ValueError as e:
    print("ValueError:", e)
print(b.acquire(False))
print(b.acquire(False))
b.release()
b.release()
print(isinstance(b, threading.Semaphore))
b.release()
