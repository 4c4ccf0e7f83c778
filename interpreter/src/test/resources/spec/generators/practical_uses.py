# Generators as used in ordinary code: __iter__, super() inside generator methods, closures, builtins over genexps.
class Base:
    def items(self):
        yield "base"
class Child(Base):
    def items(self):
        yield "child"
        yield from super().items()
    def __iter__(self):
        for x in self.items():
            yield x.upper()
print(list(Child()), list(iter(Child())))
import itertools
print(list(itertools.islice((i * i for i in itertools.count()), 5)))
print(dict((k, v) for k, v in zip("ab", range(2))), set(x % 3 for x in range(10)), tuple(x for x in "xy"))
print(sorted((x for x in [3, 1, 2]), reverse=True), max(x for x in [3, 9, 2]), "-".join(s for s in "abc"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
print([x for _, x in zip(range(10), fib())])
g = fib()
print(next(g), next(g), next(g))
def gen_with_del():
    x = [1, 2]
    yield x
    del x
    yield "deleted"
print(list(gen_with_del()))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    while True:
        got = yield inc()
        if got:
            n = got
c = counter()
print(next(c), next(c), c.send(10), next(c))
print(list(enumerate(x for x in "ab")), list(map(str, (i for i in range(3)))), list(filter(None, (i % 2 for i in range(5)))))
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []), sum((x for x in range(4)), 10))
