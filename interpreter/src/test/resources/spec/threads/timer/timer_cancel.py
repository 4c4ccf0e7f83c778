import threading

got = []
t = threading.Timer(30, got.append, args=("late",))
t.start()
t.cancel()
t.join()
print(got, t.is_alive())
t2 = threading.Timer(30, got.append, args=("never",))
t2.cancel()
t2.start()
t2.join()
print(got)
t3 = threading.Timer(0, got.append, args=("now",))
t3.start()
t3.join()
t3.cancel()
print(got)
