import threading

seen = []

def hook(args):
    seen.append(type(args).__name__)
    seen.append(len(args))
    exc_type, exc_value, exc_tb, thread = args
    seen.append((exc_type is RuntimeError, isinstance(exc_value, RuntimeError), thread is t))

old = threading.excepthook
threading.excepthook = hook

def bad():
    raise RuntimeError("x")

t = threading.Thread(target=bad)
t.start()
t.join()
threading.excepthook = old
print(seen)
