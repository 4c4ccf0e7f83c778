import threading

out = []

def selfish():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        out.append(str(e))

t = threading.Thread(target=selfish)
t.start()
t.join()
print(out)
try:
    threading.main_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.current_thread().join(timeout=1)
except RuntimeError as e:
    print("RuntimeError:", e)
