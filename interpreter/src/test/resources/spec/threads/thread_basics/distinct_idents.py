import threading

barrier = threading.Barrier(4)
idents = [None] * 4

def worker(i):
    idents[i] = threading.get_ident()
    barrier.wait()

threads = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(set(idents)))
print(all(t.ident == idents[i] for i, t in enumerate(threads)))
print(threading.get_ident() not in idents)
