import threading

N = 4
PER = 1500
counter = 0
racy_reads = 0
lock = threading.Lock()
start = threading.Barrier(N)
errors = []

def worker(k):
    global counter, racy_reads
    try:
        start.wait()
        for i in range(PER):
            with lock:
                counter += 1
            racy_reads = counter  # unlocked store of a global: must never crash
            globals()["last_%d" % k] = i
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
assert counter == N * PER, counter
assert 0 < racy_reads <= N * PER
assert [globals()["last_%d" % k] for k in range(N)] == [PER - 1] * N
print("counter", counter)
