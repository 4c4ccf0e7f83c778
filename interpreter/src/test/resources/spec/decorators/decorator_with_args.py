def repeat(times):
    def decorate(func):
        def wrapper(*args, **kwargs):
            results = []
            for i in range(times):
                results.append(func(*args, **kwargs))
            return results
        return wrapper
    return decorate


def tag(name, *, close=True):
    def decorate(func):
        def wrapper(text):
            inner = func(text)
            return f"<{name}>{inner}</{name}>" if close else f"<{name}>{inner}"
        return wrapper
    return decorate


@repeat(3)
def greet(who, punctuation="!"):
    return "hi " + who + punctuation


@tag("b")
@tag("i", close=False)
def shout(text):
    return text.upper()


print(greet("ann"))
print(greet("bob", punctuation="?"))
print(shout("quiet"))

calls = []


def logged(prefix):
    def decorate(func):
        def wrapper(*args):
            calls.append((prefix, func.__name__, args))
            return func(*args)
        return wrapper
    return decorate


@logged("math")
def add(a, b):
    return a + b


@logged("math")
def neg(a):
    return -a


print(add(2, 3), neg(add(4, 5)))
for entry in calls:
    print(entry)
print(add.__name__, repeat(2)(len)("abc"))
