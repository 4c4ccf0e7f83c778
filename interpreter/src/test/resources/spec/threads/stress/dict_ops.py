import threading

N = 4
PER = 1000
shared = {}
counts = {"hits": 0}
lock = threading.Lock()
start = threading.Barrier(N)
errors = []

def worker(k):
    try:
        start.wait()
        for i in range(PER):
            shared[(k, i)] = i
            shared.get((k, i - 1))
            if i % 2:
                del shared[(k, i - 1)]
            with lock:
                counts["hits"] += 1
        len(shared)
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
assert len(shared) == N * PER // 2, len(shared)
assert all(i % 2 == 1 for (_, i) in shared)
assert counts["hits"] == N * PER
print("dict size", len(shared), "hits", counts["hits"])
