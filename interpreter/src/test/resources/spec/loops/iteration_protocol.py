it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
s = iter("ab")
print(list(s), list(s))
d = {"x": 1, "y": 2}
print(list(iter(d)), list(d.keys()), list(d.values()), list(d.items()))
e = enumerate(["a", "b"], start=1)
print(next(e), list(e))
z = zip([1, 2, 3], "ab")
print(list(z))
print(list(map(lambda v: v * 2, [1, 2, 3])), list(filter(None, [0, 1, "", "x"])))
