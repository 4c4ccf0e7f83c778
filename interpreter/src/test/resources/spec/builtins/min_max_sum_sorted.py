data = [5, 3, 9, 1, 7]
print(min(data), max(data), sum(data), sum(data, 100), sorted(data), sorted(data, reverse=True))
print(min(3, 1, 2), max("apple", "pear", "fig"), max("apple", "pear", "fig", key=len), min([], default="empty"))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "c"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), max(pairs), min(pairs, key=lambda p: p[1]))
print(sum([0.5, 0.25]), sum(range(10)), sum([[1], [2]], []))
print(any([0, "", None]), any([0, 1]), all([1, "x"]), all([]), any([]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
try:
    max([])
except ValueError as e:
    print(e)
