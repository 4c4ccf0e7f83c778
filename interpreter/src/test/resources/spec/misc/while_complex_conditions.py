a, b = 0, 10
steps = 0
while a < b and not (a == 3 and b == 7) or steps > 100:
    a += 1
    b -= 1
    steps += 1
print(a, b, steps)
queue = [3, 1, 4, 1, 5, 9, 2, 6]
seen = set()
while queue:
    item = queue.pop(0)
    if item in seen:
        continue
    seen.add(item)
    if len(seen) == 5:
        break
print(sorted(seen), queue)
n = 27
length = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    length += 1
print(length)
