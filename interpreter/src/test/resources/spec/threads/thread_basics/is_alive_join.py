import threading

go = threading.Event()

def worker():
    go.wait()

t = threading.Thread(target=worker)
print("before start", t.is_alive())
t.start()
print("running", t.is_alive())
t.join(0.01)
print("after timed join", t.is_alive())
t.join(timeout=0)
print("after zero join", t.is_alive())
go.set()
t.join()
print("after join", t.is_alive())
t.join()
print("second join ok")
t.join(0.5)
print("timed join of finished", t.is_alive())
