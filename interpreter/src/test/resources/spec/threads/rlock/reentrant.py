import threading

r = threading.RLock()
print(r.acquire())
print(r.acquire())
print(r.acquire(blocking=False))
r.release()
r.release()
r.release()
with r:
    with r:
        print("nested with ok")

def fact(n):
    with r:
        return 1 if n <= 1 else n * fact(n - 1)

print(fact(10))
results = [None] * 3

def worker(i):
    results[i] = fact(i + 5)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
