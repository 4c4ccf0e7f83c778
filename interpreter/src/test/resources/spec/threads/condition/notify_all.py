import threading

cond = threading.Condition()
ready = 0
go = False
woken = []

def waiter(i):
    global ready
    with cond:
        ready += 1
        cond.notify_all()
        while not go:
            cond.wait()
        woken.append(i)

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
with cond:
    cond.wait_for(lambda: ready == 4)
    go = True
    cond.notify_all()
for t in threads:
    t.join()
print(sorted(woken))
