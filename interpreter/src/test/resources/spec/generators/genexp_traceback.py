# An uncaught exception inside a generator expression, consumed by a builtin.
data = [4, 2, 0, 1]
print(max(10 // x for x in data[:2]))
print(sum(10 // x for x in data))
