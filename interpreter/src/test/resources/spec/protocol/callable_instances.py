class Adder:
    def __init__(self, n):
        self.n = n

    def __call__(self, x, *rest, scale=1):
        return (x + self.n + sum(rest)) * scale


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5), callable(5))
print(list(map(add5, [1, 2, 3])), sorted([3, 1, 2], key=Adder(-10)))


class Compose:
    def __init__(self, *funcs):
        self.funcs = funcs

    def __call__(self, value):
        for f in reversed(self.funcs):
            value = f(value)
        return value


pipeline = Compose(str, Adder(1), abs)
print(repr(pipeline(-7)))


class Memo:
    def __init__(self, func):
        self.func = func
        self.cache = {}

    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.func(*args)
        return self.cache[args]


@Memo
def slow_square(x):
    print("  computing", x)
    return x * x


print(slow_square(4), slow_square(4), slow_square(5), len(slow_square.cache))


class NotCallable:
    pass


try:
    NotCallable()()
except TypeError as e:
    print("TypeError:", e)
try:
    add5()
except TypeError as e:
    print("TypeError:", e)
try:
    add5(1, bogus=2)
except TypeError as e:
    print("TypeError:", e)
