import queue
import threading

q = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (4, "d"), (1, "a2"), (2, "b")]:
    q.put(item)
print([q.get() for _ in range(5)])

def producer(base):
    for i in range(5):
        q.put(base + i)

threads = [threading.Thread(target=producer, args=(b,)) for b in (20, 0, 10)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print([q.get() for _ in range(15)])
print(q.empty())
