# Generator-heavy: a pipeline of generator functions and generator expressions.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 20000


def numbers(limit):
    i = 0
    while i < limit:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


print(sum(evens(squares(numbers(n)))), sum(x for x in range(n) if x % 3 == 0))
