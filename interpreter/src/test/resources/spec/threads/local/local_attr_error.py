import threading

loc = threading.local()
try:
    loc.missing
except AttributeError as e:
    print("AttributeError:", e)
loc.a = 1
del loc.a
try:
    del loc.a
except AttributeError as e:
    print("AttributeError:", e)
result = []

def worker():
    result.append(getattr(loc, "a", "default"))
    loc.a = 2
    result.append(loc.a)

loc.a = 1
t = threading.Thread(target=worker)
t.start()
t.join()
print(result, loc.a)
print(sorted(loc.__dict__))
