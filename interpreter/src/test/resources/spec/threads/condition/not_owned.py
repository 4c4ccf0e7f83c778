import threading

cond = threading.Condition()
for name, call in (("wait", lambda: cond.wait(0.01)), ("notify", cond.notify),
                   ("notify_all", cond.notify_all), ("wait_for", lambda: cond.wait_for(lambda: True))):
    try:
        call()
        print(name, "no error")
    except RuntimeError as e:
        print(name, "RuntimeError:", e)
with cond:
    cond.notify()
    cond.notify_all()
    print("owned ok")
