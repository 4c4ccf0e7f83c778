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

print(list(Countdown(3)))
for v in Countdown(2):
    print("v", v)

class Evens:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        for i in range(0, self.n, 2):
            yield i

e = Evens(7)
print(list(e), list(e), sum(e), 4 in e, 5 in e)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "exhausted"))
