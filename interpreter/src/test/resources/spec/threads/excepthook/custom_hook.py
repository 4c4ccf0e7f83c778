import threading

captured = []

def hook(args):
    captured.append((args.exc_type.__name__, str(args.exc_value), args.exc_traceback is not None,
                     args.thread.name))

threading.excepthook = hook

def fail(kind):
    raise kind("from %s" % threading.current_thread().name)

threads = [threading.Thread(target=fail, args=(k,), name="t%d" % i)
           for i, k in enumerate((KeyError, TypeError, ZeroDivisionError))]
for t in threads:
    t.start()
    t.join()
for c in captured:
    print(c)
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)
