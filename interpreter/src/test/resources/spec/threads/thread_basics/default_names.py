import threading

def worker():
    pass

class Job:
    def __call__(self):
        pass

def method_holder():
    pass

t1 = threading.Thread(target=worker)
t2 = threading.Thread()
t3 = threading.Thread(target=lambda: None)
t4 = threading.Thread(target=worker, name="custom")
t5 = threading.Thread(target=worker)
print(t1.name)
print(t2.name)
print(t3.name)
print(t4.name)
print(t5.name)
t5.name = "renamed"
print(t5.name)
t6 = threading.Thread(target=print)
print(t6.name)
t7 = threading.Thread(name=42)
print(repr(t7.name))
for t in (t1, t2, t3, t4, t5, t6):
    t.start()
    t.join()
print(threading.main_thread().name)
