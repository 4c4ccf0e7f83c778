import threading

b = threading.Barrier(3)
print(b.parties, b.n_waiting, b.broken)
indices = [None] * 3

def worker(i):
    indices[i] = b.wait()

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices))
print(b.n_waiting, b.broken)
# the barrier is reusable: a second round
threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(indices))
