def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def no_return():
    x = 1

def multi():
    return 1, "two", [3]

print(fact(20), fact(30), fib(20), no_return(), multi())
a, b, c = multi()
print(a, b, c)

def even(n):
    return True if n == 0 else odd(n - 1)

def odd(n):
    return False if n == 0 else even(n - 1)

print(even(10), odd(7), even(7))
