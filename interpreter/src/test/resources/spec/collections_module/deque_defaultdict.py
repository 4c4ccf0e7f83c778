from collections import deque, defaultdict
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1])
d.extend([7, 8])
d.extendleft([-1, -2])
print(list(d))
d.rotate(2)
print(list(d))
bounded = deque(maxlen=3)
for i in range(5):
    bounded.append(i)
print(bounded, list(bounded))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    groups[word[0]].append(word)
print(dict(groups))
print(counts["zzz"], "zzz" in counts)
