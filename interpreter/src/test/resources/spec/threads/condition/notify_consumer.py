import threading

cond = threading.Condition()
items = []
consumed = []

def consumer(n):
    for _ in range(n):
        with cond:
            while not items:
                cond.wait()
            consumed.append(items.pop(0))

c = threading.Thread(target=consumer, args=(5,))
c.start()
for i in range(5):
    with cond:
        items.append(i * i)
        cond.notify()
c.join()
print(consumed)
