import queue
import threading

for make in (lambda: threading.Semaphore("x"), lambda: threading.Barrier("3"),
             lambda: threading.Thread(target=None, daemon=None).join(timeout="x"),
             lambda: queue.Queue().get(timeout="x")):
    try:
        make()
        print("no error")
    except (TypeError, RuntimeError, ValueError) as e:
        print(type(e).__name__)
