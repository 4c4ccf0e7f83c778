import threading

forever = threading.Event()
started = threading.Event()

def sleeper():
    started.set()
    forever.wait()
    print("never printed")

t = threading.Thread(target=sleeper, daemon=True)
t.start()
started.wait()
print("daemon alive", t.is_alive())
print("main done")
