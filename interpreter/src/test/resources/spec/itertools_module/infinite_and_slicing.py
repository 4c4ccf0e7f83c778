import itertools

print(list(itertools.islice(itertools.count(), 5)))
print(list(itertools.islice(itertools.count(10, 3), 4)))
print(list(itertools.islice(itertools.count(1.5, 0.5), 3)))
print(list(itertools.islice("abcdefgh", 2, 7, 2)), list(itertools.islice(range(100), 95, None)))
print(list(itertools.repeat("x", 4)), list(itertools.islice(itertools.repeat(7), 3)))
print(list(map(pow, range(5), itertools.repeat(2))))
print(list(zip(itertools.count(1), "abc")))
print(list(itertools.chain("ab", [1, 2], (None,), range(2))))
print(list(itertools.chain.from_iterable([[1, 2], [3], [], [4, 5]])))
evens = filter(lambda n: n % 2 == 0, itertools.count())
print(list(itertools.islice(evens, 5)))
counter = itertools.count(100)
print(next(counter), next(counter), next(counter))
nested = [[1, [2]], [3], [[4, 5]]]
print(list(itertools.chain(*nested)))
print(sum(itertools.islice(itertools.count(1), 100)), list(itertools.islice([], 3)))
try:
    itertools.islice(range(3), -1)
except ValueError as e:
    print("ValueError:", e)
