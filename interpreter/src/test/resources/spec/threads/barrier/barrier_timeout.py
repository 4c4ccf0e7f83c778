import threading

b = threading.Barrier(2)
try:
    b.wait(timeout=0.01)
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(str(e)))
print(b.broken)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("still broken")
b.reset()
print(b.broken)
t = threading.Barrier(2, timeout=0.01)
try:
    t.wait()
except threading.BrokenBarrierError:
    print("default timeout broke it")
print(issubclass(threading.BrokenBarrierError, RuntimeError))
