import threading

b = threading.Barrier(2)
results = []
lock = threading.Lock()

def worker():
    try:
        b.wait()
        r = "passed"
    except threading.BrokenBarrierError:
        r = "broken"
    with lock:
        results.append(r)

t = threading.Thread(target=worker)
t.start()
while b.n_waiting < 1:
    threading.Event().wait(0.001)
b.reset()
t.join()
print(results)
print(b.broken, b.n_waiting)
t = threading.Thread(target=worker)
t.start()
b.wait()
t.join()
print(results)
