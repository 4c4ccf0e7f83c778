import queue
import threading

q = queue.Queue()
got = [None] * 3

def getter(i):
    got[i] = q.get()

threads = [threading.Thread(target=getter, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for x in (10, 20, 30):
    q.put(x)
for t in threads:
    t.join()
print(sorted(got))
print(q.qsize())
