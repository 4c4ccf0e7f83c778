import queue
import threading

q = queue.Queue(1)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    q.put(1, timeout=-1)
except ValueError as e:
    print("ValueError:", e)
try:
    q.get(True, 0.02)
except queue.Empty:
    print("get timed out")
q.put(1)
try:
    q.put(2, True, 0.02)
except queue.Full:
    print("put timed out")
late = threading.Timer(0.01, q.get)
late.start()
q.put(3, timeout=10)
late.join()
print(q.get(timeout=10))
sq = queue.SimpleQueue()
try:
    sq.get(timeout=-1)
except ValueError as e:
    print("ValueError:", e)
