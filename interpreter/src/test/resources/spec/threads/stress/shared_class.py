import threading

class Shared:
    instances = 0
    registry = []

    def __init__(self, k):
        self.k = k

    def value(self):
        return self.k * 2

N = 4
PER = 600
lock = threading.Lock()
start = threading.Barrier(N)
errors = []

def worker(k):
    try:
        start.wait()
        for i in range(PER):
            obj = Shared(k)
            assert obj.value() == 2 * k
            with lock:
                Shared.instances += 1
            Shared.registry.append(k)
            setattr(Shared, "attr%d" % k, i)
            getattr(Shared, "attr%d" % ((k + 1) % N), None)
            if i % 100 == 0:
                Shared.helper = lambda self, i=i: i
                Shared(0).helper()
    except Exception as e:
        errors.append(repr(e))

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
assert Shared.instances == N * PER
assert len(Shared.registry) == N * PER
assert sorted(set(Shared.registry)) == list(range(N))
assert [getattr(Shared, "attr%d" % k) for k in range(N)] == [PER - 1] * N
print("instances", Shared.instances, "registry", len(Shared.registry))
