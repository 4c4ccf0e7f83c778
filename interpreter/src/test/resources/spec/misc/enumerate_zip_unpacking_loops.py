pairs = [("a", 1), ("b", 2), ("c", 3)]
for index, (letter, number) in enumerate(pairs, start=1):
    print(index, letter, number)
letters, numbers = zip(*pairs)
print(letters, numbers)
for (a, b), c in zip(pairs, "xyz"):
    print(a, b, c)
matrix = [[1, 2, 3], [4, 5, 6]]
for row_index, row in enumerate(matrix):
    for col_index, value in enumerate(row):
        if value % 2 == 0:
            print(f"even at ({row_index}, {col_index})")
print(dict(enumerate("ab")), list(zip(range(3), range(10, 13), "abc")))
