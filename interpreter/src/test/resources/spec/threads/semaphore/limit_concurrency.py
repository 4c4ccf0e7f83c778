import threading
import time

sem = threading.Semaphore(2)
lock = threading.Lock()
inside = 0
peak = 0
done = 0

def worker():
    global inside, peak, done
    with sem:
        with lock:
            inside += 1
            peak = max(peak, inside)
        time.sleep(0.005)
        with lock:
            inside -= 1
            done += 1

threads = [threading.Thread(target=worker) for _ in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("peak <= 2", peak <= 2)
print("done", done, "inside", inside)
