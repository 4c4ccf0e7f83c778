from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft([9, 8])
print(d, d.count(2), d.index("a"))
d.remove(9)
d.reverse()
print(d, list(d), bool(d), bool(deque()))
window = deque(maxlen=3)
for i in range(6):
    window.append(i)
    print(list(window), end=" ")
print()
print(window.maxlen, deque("abcdef", maxlen=2))
history = deque(maxlen=3)
history.extendleft([1, 2, 3, 4])
print(history)
c = d.copy()
c.clear()
print(c, d == deque(d), d == c)
try:
    deque().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    deque([1]).remove(5)
except ValueError as e:
    print("ValueError:", e)
queue = deque()
for task in ["a", "b", "c"]:
    queue.append(task)
order = []
while queue:
    t = queue.popleft()
    order.append(t)
    if t == "a":
        queue.append("a2")
print(order)
