import threading

N = 4
PER = 1500
counter = 0
racy_reads = 0
lock = threading.Lock()
start = threading.Barrier(N)
errors = []

def worker(k):
    global counter, racy_reads, last_0, last_1, last_2, last_3
    try:
        start.wait()
        for i in range(PER):
            with lock:
                counter += 1
            racy_reads = counter  # unlocked store of a global: must never crash
            if k == 0:
                last_0 = i
            elif k == 1:
                last_1 = i
            elif k == 2:
                last_2 = i
            else:
                last_3 = i
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
assert [last_0, last_1, last_2, last_3] == [PER - 1] * N
print("counter", counter)
