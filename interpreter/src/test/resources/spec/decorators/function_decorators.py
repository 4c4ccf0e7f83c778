def trace(func):
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result}")
        return result
    return wrapper

def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate

@trace
def add(a, b):
    return a + b

@repeat(3)
def hello(name):
    return "hi " + name

@trace
@repeat(2)
def both(x):
    return x * 10

add(2, 3)
print(hello("bob"))
both(1)
registry = []
def register(f):
    registry.append(f.__name__)
    return f
@register
def one():
    pass
@register
def two():
    pass
print(registry, one() is None)
