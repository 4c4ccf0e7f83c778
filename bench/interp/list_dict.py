# List and dict work: appends, comprehensions, sorting, dict counting and lookups.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
items = [(i * 7919) % 10007 for i in range(n)]
counts = {}
for v in items:
    counts[v % 1000] = counts.get(v % 1000, 0) + 1
squares = [v * v for v in items if v % 3 == 0]
squares.sort()
lookup = {i: str(i) for i in range(1000)}
hits = 0
for v in items:
    if v % 1000 in lookup:
        hits += 1
print(len(counts), len(squares), squares[:3], hits)
