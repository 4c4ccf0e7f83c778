import threading

for lock in (threading.Lock(), threading.RLock()):
    cond = threading.Condition(lock)
    with cond:
        print(type(lock).__name__, "wait", cond.wait(0.01))
    print(cond.acquire())
    cond.release()
    print(cond.acquire(False))
    cond.release()
r = threading.RLock()
cond = threading.Condition(r)
with r:
    with cond:
        print("nested owned", cond.wait(0.001))
print("done")
