import itertools

print(list(itertools.permutations("abc")))
print(list(itertools.permutations([1, 2, 3, 4], 2)))
print(list(itertools.combinations(range(5), 3)))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations("ab", 3)))
print(list(itertools.product("ab", [0, 1])))
print(list(itertools.product([1, 2], repeat=3)))
print(len(list(itertools.permutations(range(6)))), len(list(itertools.product(range(4), repeat=4))))
target = 10
coins = [1, 2, 5]
ways = [combo for combo in itertools.product(range(11), range(6), range(3))
        if combo[0] * coins[0] + combo[1] * coins[1] + combo[2] * coins[2] == target]
print(len(ways), ways[:4])
words = ["stop", "pots", "tops", "spot", "opts", "post"]
perms = {"".join(p) for p in itertools.permutations("stop")}
print(sorted(w for w in words if w in perms), len(perms))
best = max(itertools.combinations([3, 9, 1, 7, 5], 3), key=sum)
print(best, sum(best))
print(list(itertools.permutations([], 0)), list(itertools.combinations([], 0)), list(itertools.product()))
