import threading

out = {}

def inner():
    pass

def outer():
    t = threading.Thread(target=inner)
    out["inherited"] = t.daemon
    t2 = threading.Thread(target=inner, daemon=False)
    out["explicit"] = t2.daemon

t = threading.Thread(target=inner)
print("default", t.daemon)
d = threading.Thread(target=outer, daemon=True)
print("daemon kwarg", d.daemon)
d.start()
d.join()
print(out)
t.daemon = True
print("set", t.daemon)
t.start()
t.join()
try:
    t.daemon = False
except RuntimeError as e:
    print("RuntimeError:", e)
g = threading.Event()
live = threading.Thread(target=g.wait)
live.start()
try:
    live.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
g.set()
live.join()
