import itertools
import operator

data = [("fruit", "apple"), ("fruit", "pear"), ("veg", "kale"), ("fruit", "fig"), ("veg", "leek"), ("veg", "okra")]
for key, group in itertools.groupby(data, key=lambda kv: kv[0]):
    print(key, [name for _, name in group])
for key, group in itertools.groupby(sorted(data), key=operator.itemgetter(0)):
    print(key, len(list(group)))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabccddddde")])
print(list(itertools.accumulate([1, 2, 3, 4, 5])))
print(list(itertools.accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)))
print(list(itertools.accumulate([1, 2, 3], initial=100)))
print(list(itertools.takewhile(lambda x: x < 5, [1, 3, 5, 2, 1])))
print(list(itertools.dropwhile(lambda x: x < 5, [1, 3, 5, 2, 1])))
print(list(itertools.filterfalse(lambda x: x % 3, range(10))))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(itertools.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.pairwise([1, 4, 9, 16])))
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
print(list(itertools.combinations_with_replacement("ab", 2)))
