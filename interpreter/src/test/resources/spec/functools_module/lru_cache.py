# functools.lru_cache / cache: memoization, eviction order, cache_info, cache_clear, keyword keys.
import functools


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(90), fib.cache_info())
print(fib.cache_info().hits, fib.__name__)


@functools.lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x


print(square(2), square(3), square(2), square(4), square(3))
print(square.cache_info())


@functools.cache
def add(a, b=1):
    return a + b


print(add(1), add(1, b=2), add(1), add(a=1), add.cache_info())
add.cache_clear()
print(add.cache_info())


@functools.lru_cache
def shout(word):
    "Upper-cases a word."
    return word.upper() + "!"


print(shout("hi"), shout("hi"), shout.__doc__, shout.cache_info().currsize)
try:
    add([1])
except TypeError as e:
    print("TypeError:", e)
