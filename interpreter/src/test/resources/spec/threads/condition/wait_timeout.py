import threading

cond = threading.Condition()
with cond:
    print(cond.wait(0.01))
    print(cond.wait(timeout=0))

def late_notify():
    with cond:
        cond.notify()

with cond:
    t = threading.Thread(target=late_notify)
    t.start()
    print(cond.wait(5))
t.join()
