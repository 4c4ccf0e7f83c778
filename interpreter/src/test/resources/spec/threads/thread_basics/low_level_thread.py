import _thread
import threading

lock = _thread.allocate_lock()
done = _thread.allocate_lock()
done.acquire()
out = []

def worker(a, b, c=0):
    with lock:
        out.append(a + b + c)
    done.release()

_thread.start_new_thread(worker, (1, 2), {"c": 3})
done.acquire()
print(out)
print(_thread.error is RuntimeError)
print(type(lock) is _thread.LockType)
print(isinstance(_thread.get_ident(), int))
print(threading.Lock is _thread.allocate_lock)
print(threading.ThreadError is RuntimeError)
print(type(_thread.TIMEOUT_MAX).__name__, _thread.TIMEOUT_MAX == threading.TIMEOUT_MAX)
print(threading.TIMEOUT_MAX > 1e6)
