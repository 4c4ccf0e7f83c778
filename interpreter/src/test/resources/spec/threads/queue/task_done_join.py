import queue
import threading

q = queue.Queue()
done = []
lock = threading.Lock()

def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            done.append(item * 2)
        q.task_done()

workers = [threading.Thread(target=worker) for _ in range(3)]
for w in workers:
    w.start()
for i in range(20):
    q.put(i)
q.join()
print(sorted(done))
for _ in workers:
    q.put(None)
q.join()
for w in workers:
    w.join()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
q.join()
print("join on empty queue returns")
