import bisect
class SortedList:
    def __init__(self): self.items = []
    def add(self, x): bisect.insort(self.items, x)
    def count_between(self, lo, hi): return bisect.bisect_right(self.items, hi) - bisect.bisect_left(self.items, lo)
s = SortedList()
for x in [10, 3, 7, 3, 15, 1]:
    s.add(x)
print(s.items, s.count_between(3, 10), s.count_between(11, 14))
