import threading

t = threading.Thread(target=lambda: None)
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    t.join(0.1)
except RuntimeError as e:
    print("RuntimeError:", e)
t.start()
t.join()
print("joined after start")
t2 = threading.Thread()
t2.join()
