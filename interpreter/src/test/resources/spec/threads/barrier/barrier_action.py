import threading

calls = []
b = threading.Barrier(4, action=lambda: calls.append(threading.current_thread() in workers))
workers = []
rounds = []
lock = threading.Lock()

def worker(i):
    for r in range(3):
        b.wait()
        with lock:
            rounds.append(r)

workers = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in workers:
    t.start()
for t in workers:
    t.join()
print(calls)
print(sorted(rounds))
