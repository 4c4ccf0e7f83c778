import threading

def action():
    raise ValueError("action failed")

b = threading.Barrier(2, action=action)
outcome = [None] * 2

def worker(i):
    try:
        b.wait()
        outcome[i] = "passed"
    except threading.BrokenBarrierError:
        outcome[i] = "BrokenBarrierError"
    except ValueError as e:
        outcome[i] = "ValueError: %s" % e

threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(outcome))
print(b.broken)
try:
    threading.Barrier(0)
except ValueError as e:
    print("ValueError:", e)
