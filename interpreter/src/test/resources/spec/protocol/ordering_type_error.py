class Box:
    def __init__(self, size):
        self.size = size

    def __eq__(self, other):
        return isinstance(other, Box) and self.size == other.size

    def __hash__(self):
        return hash(self.size)


print(Box(1) == Box(1), Box(1) in [Box(2), Box(1)], len({Box(1), Box(1), Box(2)}))
for op in ("<", ">", "<=", ">="):
    try:
        if op == "<":
            Box(1) < Box(2)
        elif op == ">":
            Box(1) > 3
        elif op == "<=":
            "a" <= Box(1)
        else:
            None >= Box(1)
    except TypeError as e:
        print("TypeError:", e)
try:
    sorted([Box(2), Box(1)])
except TypeError as e:
    print("TypeError:", e)
print(sorted([Box(2), Box(1)], key=lambda b: b.size)[0].size)
max([Box(3), Box(4)])
