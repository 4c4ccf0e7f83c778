import threading

fired = threading.Event()
got = []

def callback(a, b, c=None):
    got.append((a, b, c))
    fired.set()

t = threading.Timer(0.01, callback, args=(1, 2), kwargs={"c": 3})
print(isinstance(t, threading.Thread))
t.start()
print(fired.wait(5))
t.join()
print(got)
t2 = threading.Timer(0, callback, [4, 5])
t2.start()
t2.join()
print(got[1])
