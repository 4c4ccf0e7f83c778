import threading

started = threading.Event()
stop = threading.Event()
ticks = []

def worker():
    started.set()
    while not stop.wait(0.001):
        if len(ticks) < 3:
            ticks.append("tick")
    ticks.append("stopped")

t = threading.Thread(target=worker)
t.start()
print(started.wait(5))
while len(ticks) < 3:
    stop.wait(0.001)
stop.set()
t.join()
print(ticks)
