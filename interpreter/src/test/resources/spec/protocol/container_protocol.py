class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()

    def __bool__(self):
        return bool(self.cells)

g = Grid(3, 2)
print(len(g), bool(g), g[0, 0], "x" in g)
g[1, 1] = "x"
print(g[1, 1], "x" in g, bool(g))
del g[1, 1]
print(g[1, 1], bool(g))
try:
    g[5, 5]
except IndexError as e:
    print(e)

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10

print(list(Seq()), 20 in Seq(), [x for x in Seq()])
class Sliceable:
    def __getitem__(self, item):
        return item
s = Sliceable()
print(s[1], s[1:2], s[::3], s[1, 2:3], s["k"])
