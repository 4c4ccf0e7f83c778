import queue
import threading

q = queue.Queue(maxsize=4)
totals = [0, 0]
counts = [0, 0]
STOP = object()

def producer(base):
    for i in range(50):
        q.put(base + i)

def consumer(k):
    while True:
        item = q.get()
        if item is STOP:
            return
        totals[k] += item
        counts[k] += 1

producers = [threading.Thread(target=producer, args=(b,)) for b in (0, 1000)]
consumers = [threading.Thread(target=consumer, args=(k,)) for k in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
q.put(STOP)
q.put(STOP)
for t in consumers:
    t.join()
print(sum(totals), sum(counts))
print(sum(range(50)) + sum(range(1000, 1050)))
print(q.empty())
