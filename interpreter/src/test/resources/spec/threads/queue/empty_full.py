import queue

q = queue.Queue(maxsize=2)
print(q.maxsize, q.empty(), q.full())
q.put_nowait("a")
q.put("b", block=False)
print(q.qsize(), q.full())
for call in (lambda: q.put_nowait("c"), lambda: q.put("c", False), lambda: q.put("c", timeout=0.01)):
    try:
        call()
    except queue.Full as e:
        print("Full", repr(str(e)))
q.get()
q.get()
for call in (q.get_nowait, lambda: q.get(False), lambda: q.get(timeout=0.01)):
    try:
        call()
    except queue.Empty as e:
        print("Empty", repr(str(e)))
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
