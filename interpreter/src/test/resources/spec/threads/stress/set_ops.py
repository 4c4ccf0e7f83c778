import threading

N = 4
PER = 1200
shared = set()
start = threading.Barrier(N)
errors = []

def worker(k):
    try:
        start.wait()
        for i in range(PER):
            shared.add(i * N + k)
            if i % 3 == 0:
                shared.discard(i * N + k)
            (i * N + k) in shared
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
expected = {i * N + k for k in range(N) for i in range(PER) if i % 3}
assert shared == expected, len(shared)
print("set size", len(shared))
