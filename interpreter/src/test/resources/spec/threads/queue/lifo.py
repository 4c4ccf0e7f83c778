import queue

q = queue.LifoQueue()
for x in "abcde":
    q.put(x)
print("".join(q.get() for _ in range(5)))
q = queue.LifoQueue(maxsize=2)
q.put(1)
q.put(2)
print(q.full())
try:
    q.put_nowait(3)
except queue.Full:
    print("Full")
print(q.get_nowait(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
print(isinstance(q, queue.Queue))
