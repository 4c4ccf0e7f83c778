import queue
import threading

q = queue.Queue(maxsize=1)
q.put("first")
log = []
lock = threading.Lock()
entered = threading.Event()

def putter():
    entered.set()
    q.put("second")
    with lock:
        log.append("put returned")

t = threading.Thread(target=putter)
t.start()
entered.wait()
t.join(0.02)
print("blocked", t.is_alive())
print(q.get())
t.join()
print(log, q.get())
