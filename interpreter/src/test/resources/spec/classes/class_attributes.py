class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances

a = Counter()
b = Counter()
print(Counter.instances, a.id, b.id, a.instances)
a.instances = 99
print(a.instances, b.instances, Counter.instances)

class Config:
    defaults = {"debug": False}
    def method(self):
        return "method"

print(Config.defaults, Config().method(), Config.method(Config()))
print(type(Config.__dict__["method"]).__name__)
bound = Config().method
print(bound())
