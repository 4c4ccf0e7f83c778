from collections.abc import Set, MutableSet
class Bag(Set):
    def __init__(self, items=()):
        self.items = list(dict.fromkeys(items))
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
a, b = Bag([1, 2, 3]), Bag([2, 3, 4])
print(sorted(a & b), sorted(a | b), sorted(a - b), sorted(a ^ b))
print(a <= Bag([1, 2, 3, 4]), a < a, a == Bag([3, 2, 1]), a.isdisjoint(Bag([9])))
class Tags(MutableSet):
    def __init__(self): self.s = []
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(self.s)
    def __len__(self): return len(self.s)
    def add(self, x):
        if x not in self.s: self.s.append(x)
    def discard(self, x):
        if x in self.s: self.s.remove(x)
t = Tags()
t |= ["a", "b", "c"]
t -= ["b"]
t.add("a")
print(t.s, len(t))
t.remove("a")
try:
    t.remove("zz")
except KeyError as e:
    print("KeyError", e)
print(t.pop(), len(t))
