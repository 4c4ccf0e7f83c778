class LowerDict(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())

    def __contains__(self, key):
        return super().__contains__(key.lower())

    def __delitem__(self, key):
        super().__delitem__(key.lower())


d = LowerDict()
d["Hello"] = 1
d["WORLD"] = 2
print(d, d["hello"], d["HELLO"], "World" in d, len(d))
del d["HeLLo"]
print(d, list(d.keys()), list(d.values()))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)


class LoggingDict(dict):
    def __init__(self, *args, **kwargs):
        self.log = []
        super().__init__(*args, **kwargs)

    def __setitem__(self, key, value):
        self.log.append(("set", key))
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.log.append(("del", key))
        super().__delitem__(key)


ld = LoggingDict({"a": 1}, b=2)
ld["c"] = 3
ld["a"] = 10
del ld["b"]
ld.update(d=4)
print(ld, ld.log)
print(sorted(ld), ld.get("a"), ld.pop("c"), ld)
copy = dict(ld)
print(type(copy).__name__, copy)
