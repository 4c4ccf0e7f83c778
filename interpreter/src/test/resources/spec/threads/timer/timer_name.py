import threading

t = threading.Timer(0, print, args=("fired",))
print(t.name)
print(t.daemon)
t.start()
t.join()
u = threading.Thread(target=print)
print(u.name)
v = threading.Timer(0, print)
v.name = "my-timer"
print(v.name)
