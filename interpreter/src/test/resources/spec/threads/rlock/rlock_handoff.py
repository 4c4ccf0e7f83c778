import threading

r = threading.RLock()
acquired = threading.Event()
release_now = threading.Event()
log = []

def holder():
    with r:
        with r:
            acquired.set()
            release_now.wait()
            log.append("holder releasing")

def waiter():
    with r:
        log.append("waiter got it")

h = threading.Thread(target=holder)
h.start()
acquired.wait()
w = threading.Thread(target=waiter)
w.start()
w.join(0.02)
print("waiter blocked", w.is_alive())
release_now.set()
h.join()
w.join()
print(log)
