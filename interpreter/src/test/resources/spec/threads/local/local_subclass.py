import threading

class Counter(threading.local):
    initialised = 0

    def __init__(self, start):
        self.value = start
        self.log = []

    def bump(self):
        self.value += 1
        self.log.append(self.value)
        return self.value

c = Counter(10)
c.bump()
out = [None] * 2

def worker(i):
    for _ in range(i + 1):
        c.bump()
    out[i] = (c.value, c.log)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(out)
print(c.value, c.log)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
