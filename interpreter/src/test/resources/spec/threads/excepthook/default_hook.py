import threading

def boom():
    raise ValueError("boom in thread")

t = threading.Thread(target=boom, name="bad-worker")
t.start()
t.join()
print("main goes on", t.is_alive())
t2 = threading.Thread(target=boom)
t2.start()
t2.join()
print("still going")
