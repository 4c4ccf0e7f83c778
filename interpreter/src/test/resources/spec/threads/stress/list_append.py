import threading

N = 4
PER = 1500
shared = []
start = threading.Barrier(N)
errors = []

def appender(k):
    try:
        start.wait()
        for i in range(PER):
            shared.append((k, i))
            if i % 100 == 0:
                len(shared)
                shared[-1]
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=appender, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
assert len(shared) == N * PER, len(shared)
for k in range(N):
    mine = [i for (kk, i) in shared if kk == k]
    assert mine == list(range(PER)), k
print("appends", len(shared), "no loss, per-thread order kept")
