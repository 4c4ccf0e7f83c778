import threading

def clean(r):
    head, sep, tail = r.partition(" at 0x")
    if not sep:
        return r
    return head + " at ADDR" + tail[tail.index(":"):]

e = threading.Event()
print(clean(repr(e)))
e.set()
print(clean(repr(e)))
print(e.is_set())
