# __repr__ / __hash__ / __eq__ that mutate the container being printed, copied or combined: the
# container's own code holds each key and value while user code runs.


class Wiper:
    def __init__(self, target, name):
        self.target = target
        self.name = name

    def __repr__(self):
        if self.target is not None:
            t, self.target = self.target, None
            t.clear()
        return self.name

    def __hash__(self):
        return hash(self.name)

    def __eq__(self, other):
        return isinstance(other, Wiper) and self.name == other.name


d = {}
d[Wiper(d, "a")] = [1]
d[Wiper(None, "b")] = [2]
print(repr(d).startswith("{a: [1]"), len(d))

s = set()
s.add(Wiper(s, "x"))
print(repr(s), len(s))


class EqWiper:
    def __init__(self, target, n):
        self.target = target
        self.n = n

    def __hash__(self):
        return 1

    def __eq__(self, other):
        if self.target is not None:
            t, self.target = self.target, None
            t.clear()
        return False


src = {EqWiper(None, i): i for i in range(3)}
dst = {}
dst[EqWiper(src, 99)] = 0
try:
    dst.update(src)
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(dst), len(src))

a = {EqWiper(None, 0), EqWiper(None, 1)}
b = {EqWiper(a, 2)}
print(len(a & b), len(b - a) >= 0, len(a))
a = {EqWiper(None, 0), EqWiper(None, 1)}
b = set()
b.add(EqWiper(a, 3))
print(a.isdisjoint(b), len(a))
