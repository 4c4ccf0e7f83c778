import threading

lock = threading.Lock()
lock.acquire()

def releaser():
    lock.release()

t = threading.Thread(target=releaser)
t.start()
t.join()
print(lock.locked())
print(lock.acquire(timeout=1))
lock.release()

# a lock as a one-shot signal between threads
signal = threading.Lock()
signal.acquire()
box = []

def producer():
    box.append("payload")
    signal.release()

t = threading.Thread(target=producer)
t.start()
signal.acquire()
print(box)
t.join()
