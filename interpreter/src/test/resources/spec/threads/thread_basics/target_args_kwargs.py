import threading

results = [None] * 4

def work(i, scale, *, offset=0):
    results[i] = i * scale + offset

threads = [threading.Thread(target=work, args=(i, 10), kwargs={"offset": i}) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)
t = threading.Thread(target=work, args=[0, 3])
t.start()
t.join()
print(results[0])
t = threading.Thread()
t.start()
t.join()
print("no target ok", t.is_alive())
