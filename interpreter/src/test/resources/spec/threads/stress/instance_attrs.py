import threading

class Box:
    pass

N = 4
PER = 1000
box = Box()
lock = threading.Lock()
box.total = 0
start = threading.Barrier(N)
errors = []

def worker(k):
    try:
        start.wait()
        name = "slot%d" % k
        for i in range(PER):
            setattr(box, name, i)
            assert getattr(box, name) == i
            getattr(box, "slot%d" % ((k + 1) % N), None)
            with lock:
                box.total += 1
            if i % 50 == 0:
                setattr(box, "tmp%d" % k, i)
                delattr(box, "tmp%d" % k)
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
assert box.total == N * PER, box.total
assert [getattr(box, "slot%d" % k) for k in range(N)] == [PER - 1] * N
assert sorted(vars(box)) == ["slot0", "slot1", "slot2", "slot3", "total"]
print("total", box.total, "attrs", len(vars(box)))
