import threading

lock = threading.Lock()

def risky():
    with lock:
        raise KeyError("k")

try:
    risky()
except KeyError as e:
    print("caught", repr(e))
print("released", not lock.locked())

def worker(out):
    try:
        risky()
    except KeyError:
        out.append(lock.locked())

out = []
threads = [threading.Thread(target=worker, args=(out,)) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out, lock.locked())
