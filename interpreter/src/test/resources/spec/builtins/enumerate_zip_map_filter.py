names = ["ann", "bob", "cy"]
ages = [31, 25]
print(list(enumerate(names)), list(enumerate(names, 10)))
print(list(zip(names, ages)), list(zip()), list(zip("ab", "cd", "ef")))
print(dict(zip(names, ages)))
print(list(map(str.upper, names)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(lambda n: len(n) > 2, names)), list(filter(None, [0, 1, 2])))
for i, (n, a) in enumerate(zip(names, ages)):
    print(i, n, a)
m = map(abs, [-1, -2])
print(next(m), next(m), next(m, "end"))
