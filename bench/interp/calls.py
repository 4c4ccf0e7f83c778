# Function calls: positional, default and keyword arguments, a closure and recursion.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000


def add(a, b=1):
    return a + b


def make_counter():
    count = 0

    def bump(step):
        nonlocal count
        count += step
        return count
    return bump


def fib(k):
    return k if k < 2 else fib(k - 1) + fib(k - 2)


bump = make_counter()
x = 0
for i in range(n):
    x = add(x, b=i & 7)
    bump(1)
print(x, bump(0), fib(20))
