import threading

def clean(r):
    head, sep, tail = r.partition(" at 0x")
    return head + (" at ADDR>" if sep else "")

lock = threading.Lock()
print(clean(repr(lock)))
lock.acquire()
print(clean(repr(lock)))
lock.release()
print(type(lock).__name__, type(lock).__module__)
