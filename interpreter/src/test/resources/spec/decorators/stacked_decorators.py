order = []


def first(func):
    order.append("decorating with first")
    def wrapper(x):
        order.append("first before")
        result = func(x) + 1
        order.append("first after")
        return result
    return wrapper


def second(func):
    order.append("decorating with second")
    def wrapper(x):
        order.append("second before")
        result = func(x) * 2
        order.append("second after")
        return result
    return wrapper


@first
@second
def base(x):
    order.append("base")
    return x


print(base(10))
for line in order:
    print(line)


def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


def count_calls(func):
    def wrapper(*args):
        wrapper.calls += 1
        return func(*args)
    wrapper.calls = 0
    return wrapper


@count_calls
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(30), fib.calls)
print(fib(31), fib.calls)

registry = {}


def register(func):
    registry[func.__name__] = func
    return func


@register
@count_calls
def square(x):
    return x * x


print(sorted(registry), registry["wrapper"](7), square.calls)
