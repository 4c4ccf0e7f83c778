import queue
import threading

q = queue.SimpleQueue()
print(q.empty(), q.qsize())
q.put(1)
q.put_nowait(2)
q.put(3, block=False, timeout=5)
print(q.qsize(), q.get(), q.get_nowait(), q.get(timeout=1))
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
try:
    q.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
results = []

def worker():
    results.append(q.get())

t = threading.Thread(target=worker)
t.start()
q.put("handed over")
t.join()
print(results)
print(type(q).__name__)
