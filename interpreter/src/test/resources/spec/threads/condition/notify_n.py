import threading

cond = threading.Condition()
waiting = 0
tokens = 0
woken = []
lock = threading.Lock()

def waiter(i):
    global waiting, tokens
    with cond:
        waiting += 1
        cond.notify_all()
        while tokens == 0:
            cond.wait()
        tokens -= 1
        woken.append(i)
        cond.notify_all()

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
with cond:
    cond.wait_for(lambda: waiting == 5)
    tokens = 2
    cond.notify(2)
with cond:
    cond.wait_for(lambda: len(woken) == 2)
    print(len(woken))
    tokens = 3
    cond.notify(3)
for t in threads:
    t.join()
print(sorted(woken))
