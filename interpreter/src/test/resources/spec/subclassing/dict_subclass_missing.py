class Counter(dict):
    def __missing__(self, key):
        return 0

    def add(self, key, n=1):
        self[key] = self[key] + n


c = Counter()
for word in "the cat and the hat and the bat".split():
    c.add(word)
print(sorted(c.items()), c["dog"], "dog" in c, len(c))


class DefaultList(dict):
    def __missing__(self, key):
        value = self[key] = []
        return value


d = DefaultList()
d["a"].append(1)
d["a"].append(2)
d["b"].append(3)
print(d, type(d).__name__, isinstance(d, dict))


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)

    def __setattr__(self, name, value):
        self[name] = value


a = AttrDict(x=1)
a.y = 2
print(a.x, a.y, a, sorted(a.keys()))
try:
    a.z
except AttributeError as e:
    print("AttributeError:", e)
print(a.get("z", "none"), dict(a) == {"x": 1, "y": 2})
