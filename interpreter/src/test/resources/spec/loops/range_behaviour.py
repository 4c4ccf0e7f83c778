print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
r = range(1, 20, 4)
print(r, len(r), r[0], r[-1], r[1:3], 9 in r, 10 in r, list(reversed(r)))
print(range(3) == range(0, 3), list(range(-5, -1)), sum(range(101)))
print(r.start, r.stop, r.step, r.index(9), r.count(5))
try:
    range(1, 2, 0)
except ValueError as e:
    print(e)
for i in range(3, 0, -1):
    print(i, end=" ")
print()
