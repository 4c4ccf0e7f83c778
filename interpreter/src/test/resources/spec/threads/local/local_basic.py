import threading

data = threading.local()
data.x = "main"
seen = [None] * 3

def worker(i):
    print_before = hasattr(data, "x")
    data.x = i
    data.y = [i] * i
    seen[i] = (print_before, data.x, data.y)

threads = [threading.Thread(target=worker, args=(i,)) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(seen)
print(data.x, hasattr(data, "y"))
print(type(data).__name__)
