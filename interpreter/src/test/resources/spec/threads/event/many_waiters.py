import threading

gate = threading.Event()
results = [None] * 5

def waiter(i):
    results[i] = (i, gate.wait(10))

threads = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in threads:
    t.start()
gate.set()
for t in threads:
    t.join()
print(results)
gate.clear()
late = []
t = threading.Thread(target=lambda: late.append(gate.wait(0.01)))
t.start()
t.join()
print(late)
