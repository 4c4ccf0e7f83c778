import bisect
a = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(a, x)
print(a)
bisect.insort_left(a, 4); bisect.insort_right(a, 0)
print(a)
recs = [("a", 1), ("b", 3), ("c", 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("d", 5), key=lambda r: r[1])
print(recs)
