class Box:
    def __init__(self):
        self.items = [1, 2]
        self.count = 0
b = Box()
b.count += 5
b.items[0] += 10
b.items += [3]
print(b.count, b.items)
d = {"k": 1}
d["k"] *= 7
d.setdefault("z", []).append(1)
print(d)
order = []
def key(name):
    order.append(name)
    return name
store = {"a": 0}
store[key("a")] += 1
print(store, order)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
