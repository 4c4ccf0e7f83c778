import threading

b = threading.Barrier(3)
outcome = [None] * 2
arrived = threading.Semaphore(0)

def worker(i):
    arrived.release()
    try:
        b.wait()
        outcome[i] = "passed"
    except threading.BrokenBarrierError:
        outcome[i] = "broken"

threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
arrived.acquire()
arrived.acquire()
while b.n_waiting < 2:
    threading.Event().wait(0.001)
b.abort()
for t in threads:
    t.join()
print(outcome)
print(b.broken)
