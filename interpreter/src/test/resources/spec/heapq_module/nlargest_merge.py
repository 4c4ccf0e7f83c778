import heapq
data = [7, 2, 9, 4, 4, 1]
print(heapq.nlargest(3, data), heapq.nsmallest(2, data), heapq.nlargest(0, data))
words = ["pear", "fig", "banana", "kiwi"]
print(heapq.nsmallest(2, words, key=len), heapq.nlargest(1, words, key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])))
print(list(heapq.merge([7, 4], [6, 1], reverse=True)), list(heapq.merge(["a", "ccc"], ["bb"], key=len)))
