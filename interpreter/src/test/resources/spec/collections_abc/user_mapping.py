from collections.abc import Mapping, MutableMapping
class Registry(MutableMapping):
    def __init__(self):
        self._d = {}
    def __getitem__(self, k):
        return self._d[k.lower()]
    def __setitem__(self, k, v):
        self._d[k.lower()] = v
    def __delitem__(self, k):
        del self._d[k.lower()]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
r = Registry()
r["Alpha"] = 1
r.update({"BETA": 2}, gamma=3)
print(len(r), r["ALPHA"], "beta" in r, "zeta" in r, r.get("zeta", -1))
print(sorted(r.keys()), sorted(r.values()), sorted(r.items()))
print(r.pop("alpha"), r.setdefault("delta", 4), len(r))
print(r.popitem(), isinstance(r, Mapping), r == {"gamma": 3, "delta": 4})
r.clear()
print(len(r))
try:
    r.pop("nope")
except KeyError as e:
    print("KeyError", e)
