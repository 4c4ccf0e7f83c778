import threading
from concurrent.futures import ThreadPoolExecutor, CancelledError

gate = threading.Event()
started = threading.Event()

def blocker():
    started.set()
    gate.wait()
    return "blocker done"

with ThreadPoolExecutor(1) as ex:
    running = ex.submit(blocker)
    pending = ex.submit(lambda: "never runs")
    started.wait()
    print("running:", running.running(), "cancel:", running.cancel())
    print("pending cancel:", pending.cancel(), pending.cancel())
    print(pending.cancelled(), pending.done(), pending.running())
    try:
        pending.result()
    except CancelledError:
        print("CancelledError from result()")
    try:
        pending.exception()
    except CancelledError:
        print("CancelledError from exception()")
    gate.set()
    print(running.result())
print(running.cancel(), running.cancelled())
