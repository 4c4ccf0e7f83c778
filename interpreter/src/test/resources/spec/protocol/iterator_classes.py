class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


class Repeatable:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return ListIterator(self.items)


class ListIterator:
    def __init__(self, items):
        self.items = items
        self.index = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self.index >= len(self.items):
            raise StopIteration
        item = self.items[self.index]
        self.index += 1
        return item


print(list(Countdown(5)), sum(Countdown(4)), max(Countdown(3)))
c = Countdown(3)
print(next(c), next(c), next(c), next(c, "done"))
r = Repeatable(["a", "b", "c"])
print(list(r), list(r), [x + y for x in r for y in r if x < y])
print(dict(zip(r, Countdown(3))), list(enumerate(r, 1)), sorted(Countdown(4)))
a, b, c = Repeatable([1, 2, 3])
first, *rest = Countdown(4)
print(a, b, c, first, rest)
it = iter(Repeatable([10, 20]))
print(it is iter(it), next(it), list(it), list(it))
print(list(map(str, Countdown(3))), tuple(filter(lambda v: v % 2, Countdown(6))))
print(" ".join(Repeatable(["x", "y"])), set(Countdown(2)), "b" in r)


class BadIter:
    def __iter__(self):
        return 42


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    next(Repeatable([]))
except TypeError as e:
    print("TypeError:", e)
for x in BadIter():
    pass
