import threading

go = threading.Event()
ready = threading.Barrier(4)

def worker():
    ready.wait()
    go.wait()

print(threading.active_count())
print([t.name for t in threading.enumerate()])
threads = [threading.Thread(target=worker, name="w%d" % i) for i in range(3)]
for t in threads:
    t.start()
ready.wait()
print(threading.active_count())
names = sorted(t.name for t in threading.enumerate())
print(names)
print(all(t in threading.enumerate() for t in threads))
go.set()
for t in threads:
    t.join()
print(threading.active_count())
print([t.name for t in threading.enumerate()])
