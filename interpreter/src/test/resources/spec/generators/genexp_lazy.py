# Generator expressions are lazy: the order of side effects shows when each part is evaluated.
def source(tag, n):
    print("evaluating source", tag)
    for i in range(n):
        print("  produce", tag, i)
        yield i


def check(x):
    print("  check", x)
    return x % 2 == 0


g = (x * 10 for x in source("outer", 4) if check(x))
print("created")
print("first", next(g))
print("second", next(g))
print("rest", list(g))

print(any(check(x) for x in [1, 3, 4, 5, 7]))
print(all(x < 3 for x in source("all", 10)))
print(sum(x * x for x in range(10)))

inner = (x + y for x in source("x", 2) for y in source("y", 2))
print("nested created")
print(list(inner))

import itertools
evens = (n for n in itertools.count() if n % 2 == 0)
print([next(evens) for _ in range(5)])

g = (i for i in range(3))
print(repr(g)[:26])
print(type(g).__name__)


def scope():
    k = 5
    return (k * i for i in range(3))


print(list(scope()))
gen = scope()
print(repr(gen)[:41])
print(next(gen), list(gen), list(gen))
