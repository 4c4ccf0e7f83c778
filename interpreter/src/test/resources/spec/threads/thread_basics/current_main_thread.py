import threading

seen = []

def worker():
    me = threading.current_thread()
    seen.append((me.name, me is t, me is threading.main_thread()))

print(threading.current_thread() is threading.main_thread())
print(threading.current_thread().name)
print(type(threading.main_thread()).__name__ == "_MainThread")
print(isinstance(threading.main_thread(), threading.Thread))
print(threading.main_thread().daemon, threading.main_thread().is_alive())
t = threading.Thread(target=worker, name="w")
t.start()
t.join()
print(seen)
