# Readers index a list and look names up in a dict (and in the module's globals) without locks while a
# writer grows, shrinks, replaces and clears them: every read is a value that was stored, never a
# freed or foreign object, and nothing raises except the IndexError of a racing shrink.
import threading

ROUNDS = 300
items = list(range(50))
table = {"k%d" % i: i for i in range(50)}
current = 0
start = threading.Barrier(3)
errors = []
stats = {}


class Box:
    def __init__(self, v):
        self.v = v


def reader(name):
    bad = 0
    reads = 0
    index_errors = 0
    try:
        start.wait()
        for r in range(ROUNDS):
            for i in range(0, 60, 3):
                try:
                    v = items[i]
                except IndexError:
                    index_errors += 1
                    continue
                reads += 1
                if not (type(v) is int or type(v) is Box):
                    bad += 1
            for i in range(0, 60, 7):
                v = table.get("k%d" % i)
                if v is not None and type(v) is not int and type(v) is not Box:
                    bad += 1
            g = current
            if type(g) is not int:
                bad += 1
    except Exception as e:
        errors.append(repr(e))
    stats[name] = (bad, reads > 0, index_errors >= 0)


def writer():
    global current
    try:
        start.wait()
        for r in range(ROUNDS):
            for k in range(20):
                items.append(Box(k))
            del items[10:40]
            items.insert(0, r)
            items.pop()
            if r % 25 == 0:
                items[:] = list(range(50))
            for k in range(30):
                table["k%d" % (k + 50)] = Box(k)
            for k in range(30):
                del table["k%d" % (k + 50)]
            table["k%d" % (r % 50)] = r
            if r % 40 == 0:
                table.clear()
                table.update({"k%d" % i: i for i in range(50)})
            current = r
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=reader, args=("r%d" % n,)) for n in range(2)]
threads.append(threading.Thread(target=writer))
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors
print(sorted(stats.items()))
print("final", len(items) > 0, len(table), current)
