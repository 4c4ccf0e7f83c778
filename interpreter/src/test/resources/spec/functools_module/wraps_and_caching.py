import functools


def cache(func):
    memo = {}

    @functools.wraps(func)
    def wrapper(*args):
        if args in memo:
            wrapper.hits += 1
        else:
            memo[args] = func(*args)
        return memo[args]

    wrapper.hits = 0
    return wrapper


@cache
def ways(n, coins=(1, 2, 5)):
    """Number of ways to make n from coins."""
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])


print(ways(30), ways.hits, ways.__name__, ways.__doc__)
print(ways.__wrapped__.__name__, ways.__wrapped__ is not ways)


def timed(label):
    def deco(func):
        @functools.wraps(func)
        def inner(*args, **kwargs):
            result = func(*args, **kwargs)
            print(f"[{label}] {func.__name__} -> {result!r}")
            return result
        return inner
    return deco


class Service:
    @timed("svc")
    def compute(self, x, y=1):
        """Compute things."""
        return x * y

    @staticmethod
    @timed("static")
    def helper(s):
        return s[::-1]


s = Service()
s.compute(6, y=7)
Service.helper("stressed")
print(Service.compute.__name__, Service.compute.__doc__, Service.compute.__qualname__)
wrapped = functools.update_wrapper(lambda: 1, ways)
print(wrapped.__name__, wrapped.__doc__)
