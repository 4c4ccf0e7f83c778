from collections import defaultdict

words = "the quick brown fox jumps over the lazy dog the end".split()
by_letter = defaultdict(list)
for w in words:
    by_letter[w[0]].append(w)
print(sorted(by_letter.items()))
counts = defaultdict(int)
for w in words:
    counts[w] += 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3], counts["missing"], len(counts))
nested = defaultdict(lambda: defaultdict(int))
for a, b in [("x", "y"), ("x", "z"), ("x", "y"), ("w", "y")]:
    nested[a][b] += 1
print({k: dict(v) for k, v in sorted(nested.items())})
s = defaultdict(set)
s["a"].add(1)
s["a"].add(1)
s["b"]
print(dict(s), "c" in s, s.get("c"), len(s))
plain = defaultdict()
try:
    plain["x"]
except KeyError as e:
    print("KeyError:", e)
print(plain.default_factory, counts.default_factory is int)
graph = defaultdict(list)
for u, v in [(1, 2), (1, 3), (2, 4), (3, 4), (4, 5)]:
    graph[u].append(v)
seen, stack, order = set(), [1], []
while stack:
    n = stack.pop()
    if n in seen:
        continue
    seen.add(n)
    order.append(n)
    stack.extend(reversed(graph[n]))
print(order, sorted(graph))
