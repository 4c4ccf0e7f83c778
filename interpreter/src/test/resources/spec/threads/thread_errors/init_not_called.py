import threading

class Broken(threading.Thread):
    def __init__(self):
        pass

b = Broken()
try:
    b.start()
except RuntimeError as e:
    print("RuntimeError:", e)
b.start()
