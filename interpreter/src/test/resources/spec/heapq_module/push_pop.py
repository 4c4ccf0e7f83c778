import heapq
h = []
for x in [5, 3, 8, 1, 9, 2]:
    heapq.heappush(h, x)
print(h[0], [heapq.heappop(h) for _ in range(len(h))])
h = [9, 4, 7, 1, 3]
heapq.heapify(h)
print(h, heapq.heapreplace(h, 6), heapq.heappushpop(h, 0), h)
try:
    heapq.heappop([])
except IndexError as e:
    print(e)
