records = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[1], reverse=True))
words = "the quick brown fox jumps over the lazy dog".split()
words.sort(key=len)
print(words)
nums = [3, -1, 2, -3, 1]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: (n < 0, n)))
try:
    sorted([1, "a"])
except TypeError as e:
    print(e)
