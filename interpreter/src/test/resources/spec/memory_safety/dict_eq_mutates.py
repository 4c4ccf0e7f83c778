# A key's __eq__ that mutates the dict being searched: lookups re-validate the table after user code
# (CPython restarts the probe when the table changed) and hold the stored key while comparing.


class Grower:
    def __init__(self, target, n):
        self.target = target
        self.n = n

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if self.target is not None:
            d, self.target = self.target, None
            for i in range(self.n):
                d[("filler", i)] = [i] * 3  # resizes: the table being probed is freed
            junk = [[j] * 20 for j in range(200)]  # reuses the freed memory
            del junk
        return False


d = {}
keys = [Grower(None, 0) for i in range(4)]
for i, k in enumerate(keys):
    d[k] = i
keys[0].target, keys[0].n = d, 100  # the stored key's __eq__ runs first
del keys
print(Grower(None, 0) in d, len(d))
print(d.get(Grower(None, 0), "missing"), len(d))


class Deleter:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 11

    def __eq__(self, other):
        if self.d:
            self.d.clear()  # drops the stored key while it is being compared
        return False


d = {}
d[Deleter(None)] = "a"
d[Deleter(None)] = "b"
for k in list(d):
    k.d = d
print(Deleter(None) in d, len(d))

s = set()
for i in range(3):
    s.add(Deleter(None))
for k in list(s):
    k.d = s
print(Deleter(None) in s, len(s))


class Same:
    def __init__(self, v, d=None):
        self.v = v
        self.d = d

    def __hash__(self):
        return 3

    def __eq__(self, other):
        if self.d is not None:
            self.d.pop(other, None)
        return isinstance(other, Same) and self.v == other.v


a = {Same(1): "x"}
b = {Same(1, a): "x"}
print(a == b, len(a), len(b))
