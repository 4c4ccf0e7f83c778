import heapq
print(list(heapq.merge()), list(heapq.merge([], [1], [])), list(heapq.merge([1, 1], [1])))
h = [3, 1, 2]
heapq.heapify(h)
print(heapq.nsmallest(5, h), heapq.nlargest(2, iter(h)))
