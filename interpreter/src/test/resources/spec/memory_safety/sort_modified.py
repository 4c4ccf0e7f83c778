# list.sort with user code that changes the list: CPython empties the list during the sort and raises
# ValueError if it was modified; a key function that raises leaves the items in their first order.
l = [3, 1, 2]


def appender(x):
    l.append(x)
    return x


try:
    l.sort(key=appender)
except ValueError as e:
    print("ValueError:", e)
print(l)

m = [5, 4, 3]


def peek(x):
    print("during sort:", m)
    return x


m.sort(key=peek)
print(m)

n = [3, 2, 1, 0]


def failing(x):
    if x == 1:
        raise KeyError(x)
    return x


try:
    n.sort(key=failing)
except KeyError as e:
    print("KeyError", e)
print(n)


class Moody:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return (self.v * 7 + other.v * 3) % 5 < 2

    def __repr__(self):
        return "M%d" % self.v


items = [Moody(i) for i in range(20)]
items.sort()
print(len(items), sorted(x.v for x in items) == list(range(20)))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower, reverse=True))
pairs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
print(sorted(pairs, key=lambda p: p[0], reverse=True))
