import threading

items = threading.Semaphore(0)
buffer = []
lock = threading.Lock()
got = []

def consumer():
    for _ in range(4):
        items.acquire()
        with lock:
            got.append(buffer.pop(0))

c = threading.Thread(target=consumer)
c.start()
for i in range(4):
    with lock:
        buffer.append("item%d" % i)
    items.release()
c.join()
print(got)
print(items.acquire(timeout=0.01))
