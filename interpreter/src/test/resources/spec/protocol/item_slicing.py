class Seq:
    def __init__(self, data):
        self.data = list(data)
        self.log = []

    def __len__(self):
        return len(self.data)

    def __getitem__(self, key):
        self.log.append(("get", key))
        if isinstance(key, slice):
            return Seq(self.data[key])
        return self.data[key]

    def __setitem__(self, key, value):
        self.log.append(("set", key))
        self.data[key] = value

    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.data[key]

    def __repr__(self):
        return f"Seq({self.data})"


s = Seq(range(10))
print(s[2], s[-1], s[1:4], s[::3], s[::-2], s[:])
s[0] = "zero"
s[1:3] = ["a", "b", "c"]
print(s, len(s))
del s[::2]
print(s)
del s[0]
print(s)
print(s.log)
key = slice(1, None, 2)
print(key.start, key.stop, key.step, key.indices(10), s[key])
try:
    s[100]
except IndexError as e:
    print("IndexError:", e)


class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __getitem__(self, idx):
        r, c = idx
        if isinstance(r, slice):
            return [row[c] for row in self.rows[r]]
        return self.rows[r][c]


m = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(m[1, 2], m[0:2, 0], m[::2, -1])
