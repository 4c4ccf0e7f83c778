import threading

class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n)
        self.n = n
        self.result = None

    def run(self):
        self.result = sum(range(self.n))

workers = [Worker(n) for n in (10, 100, 1000)]
for w in workers:
    w.start()
for w in workers:
    w.join()
for w in workers:
    print(w.name, w.result)

class Echo(threading.Thread):
    def run(self):
        # the default run() would call the target; overriding it ignores target
        self.seen = (self._target is None, threading.current_thread() is self)

e = Echo(target=print, args=("never",))
e._target = None
e.start()
e.join()
print(e.seen)
print(isinstance(e, threading.Thread), issubclass(Worker, threading.Thread))
