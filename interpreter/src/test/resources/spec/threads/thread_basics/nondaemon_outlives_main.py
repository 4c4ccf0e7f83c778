import threading

go = threading.Event()

def worker():
    go.wait()
    print("worker done")

t = threading.Thread(target=worker)
t.start()
print("main end")
go.set()
