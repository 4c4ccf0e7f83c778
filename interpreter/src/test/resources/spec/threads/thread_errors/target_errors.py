import threading

hook_seen = []
threading.excepthook = lambda a: hook_seen.append((a.exc_type.__name__, a.thread.name))

def two(a, b):
    return a + b

threads = [
    threading.Thread(target=two, args=(1,), name="missing-arg"),
    threading.Thread(target=two, args=(1, "x"), name="bad-add"),
    threading.Thread(target=42, name="not-callable"),
    threading.Thread(target=two, kwargs={"a": 1, "c": 2}, name="bad-kwarg"),
]
for t in threads:
    t.start()
    t.join()
for item in hook_seen:
    print(item)
