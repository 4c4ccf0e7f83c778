import queue
import threading

q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full())
print([q.get() for _ in range(5)])
print(q.empty())
out = []

def consumer():
    while True:
        item = q.get()
        if item is None:
            break
        out.append(item)

t = threading.Thread(target=consumer)
t.start()
for word in "the quick brown fox".split():
    q.put(word)
q.put(None)
t.join()
print(out)
