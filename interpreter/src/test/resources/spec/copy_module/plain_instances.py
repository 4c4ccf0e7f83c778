import copy
class Box:
    def __init__(self, items): self.items = items; self.label = "box"
b = Box([1, [2]])
c = copy.copy(b); d = copy.deepcopy(b)
b.items[1].append(3)
print(type(c).__name__, c.items, d.items, c.label, c.items is b.items, d.items is b.items)
