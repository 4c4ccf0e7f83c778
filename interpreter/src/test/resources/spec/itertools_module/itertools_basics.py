import itertools
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice("abcdefg", 2, 6, 2)), list(itertools.islice(range(10), 3)))
print(list(itertools.chain([1, 2], "ab", (3,))), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.repeat("x", 3)), list(zip(range(3), itertools.repeat(0))))
print(list(itertools.permutations([1, 2, 3])))
print(list(itertools.permutations("abc", 2)))
print(list(itertools.product("ab", [0, 1])), len(list(itertools.product(range(3), repeat=3))))
print(list(itertools.combinations(range(4), 2)), list(itertools.combinations("abc", 3)))
