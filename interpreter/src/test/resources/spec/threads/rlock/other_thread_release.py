import threading

r = threading.RLock()
r.acquire()
out = []

def intruder():
    try:
        r.release()
    except RuntimeError as e:
        out.append("RuntimeError: %s" % e)
    out.append(r.acquire(blocking=False))
    out.append(r.acquire(timeout=0.01))

t = threading.Thread(target=intruder)
t.start()
t.join()
print(out)
r.release()
t = threading.Thread(target=intruder)
t.start()
t.join()
print(out[3:])
