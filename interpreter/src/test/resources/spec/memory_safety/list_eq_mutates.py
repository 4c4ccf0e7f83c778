# Comparisons with items of a list whose __eq__ empties the list: in, remove, index and count own the
# item across the comparison (CPython increfs it) and re-read the list afterwards.


class Clearer:
    def __init__(self, owner):
        self.owner = owner

    def __eq__(self, other):
        if self.owner is not None:
            self.owner.clear()
            junk = [[i] * 10 for i in range(100)]
            del junk
        return False


def fresh():
    l = []
    for _ in range(4):
        l.append(Clearer(l))
    return l


l = fresh()
print(3 in l, len(l))
l = fresh()
try:
    l.remove(3)
except ValueError as e:
    print("remove:", e, len(l))
l = fresh()
try:
    l.index(3)
except ValueError as e:
    print("index:", e, len(l))
l = fresh()
print("count:", l.count(3), len(l))


class Popper:
    def __init__(self, owner):
        self.owner = owner

    def __eq__(self, other):
        self.owner.pop(0)
        return True


l = []
l.append(Popper(l))
l.append(Popper(l))
l.append("tail")
l.remove("x")
print(len(l), l[-1])

d = {"k": Clearer(None)}
d["k"].owner = []
print(3 in d.values(), ("k", 3) in d.items())
