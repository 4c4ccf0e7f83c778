import threading

r = threading.RLock()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
r.acquire()
r.release()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError:", e)
