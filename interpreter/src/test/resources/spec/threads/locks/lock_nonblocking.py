import threading

lock = threading.Lock()
lock.acquire()
result = []

def try_it():
    result.append(lock.acquire(False))
    result.append(lock.acquire(blocking=False))
    result.append(lock.acquire(timeout=0.01))
    result.append(lock.acquire(True, 0))

t = threading.Thread(target=try_it)
t.start()
t.join()
print(result)
lock.release()
t = threading.Thread(target=try_it)
t.start()
t.join()
print(result[4:])
print(lock.locked())
