import threading
import time

order = [None] * 3

def nap(i, secs):
    time.sleep(secs)
    order[i] = "slept %d" % i

threads = [threading.Thread(target=nap, args=(i, 0.01 * (3 - i))) for i in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(order)
time.sleep(0)
print("zero sleep ok")
