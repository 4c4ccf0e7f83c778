def add_greeting(cls):
    cls.greet = lambda self: f"hello from {type(self).__name__}"
    return cls

def singleton(cls):
    instances = {}
    def get():
        if cls not in instances:
            instances[cls] = cls()
        return instances[cls]
    return get

@add_greeting
class Person:
    pass

@singleton
class Config:
    def __init__(self):
        print("Config created")

print(Person().greet())
a = Config()
b = Config()
print(a is b)
