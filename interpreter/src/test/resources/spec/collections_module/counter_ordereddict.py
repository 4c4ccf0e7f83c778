# Counter and OrderedDict are dict subclasses: counting, arithmetic, ordering moves, repr.
from collections import Counter, OrderedDict

words = "the quick brown fox jumps over the lazy dog the end".split()
counts = Counter(words)
print(counts.most_common(2), counts["cat"], len(counts), counts.total())
print(isinstance(counts, dict), "fox" in counts, "cat" in counts)
counts.update(["fox", "fox"])
counts.subtract({"the": 2})
print(counts["fox"], counts["the"], sorted(counts.elements())[:5])
del counts["nothing"]
print(Counter("aab") + Counter("abc"), Counter("aaab") - Counter("ab"))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2), Counter())
print(repr(Counter("mississippi")))
letters = Counter()
for ch in "hello world":
    if ch != " ":
        letters[ch] += 1
print(letters)

od = OrderedDict()
for key in "abcde":
    od[key] = ord(key)
od.move_to_end("b")
od.move_to_end("d", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), list(od))
print(OrderedDict(x=1, y=2) == OrderedDict(y=2, x=1), OrderedDict(x=1, y=2) == {"y": 2, "x": 1})
print(OrderedDict(), repr(od.copy()))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)


class Tally(dict):
    def __missing__(self, key):
        return 0

    def __repr__(self):
        return "Tally(" + dict.__repr__(self) + ")"

    def __add__(self, other):
        result = Tally(self)
        for k, v in other.items():
            result[k] += v
        return result

    def __len__(self):
        return dict.__len__(self) * 10


t = Tally(a=1) + Tally(a=2, b=5)
print(t, str(t), t["zzz"], len(t), bool(Tally()), dict.__getitem__(t, "b"), dict.__contains__(t, "a"))
dict.__setitem__(t, "c", 9)
dict.__delitem__(t, "a")
print(t, list(dict.__iter__(t)))
