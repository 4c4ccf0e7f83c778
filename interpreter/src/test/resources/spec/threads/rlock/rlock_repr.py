import threading

r = threading.RLock()

def clean(s):
    head, sep, tail = s.partition(" owner=")
    if sep:
        tail = tail.lstrip("0123456789")
        s = head + " owner=N" + tail
    head, sep, tail = s.partition(" at 0x")
    return head + (" at ADDR>" if sep else "")

print(clean(repr(r)))
r.acquire()
r.acquire()
print(clean(repr(r)))
r.release()
r.release()
print(clean(repr(r)))
print(type(r).__name__)
