d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 2 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d.pop("zz", "absent"), d)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
print(d)
print(d.setdefault("a", 100), d.setdefault("new", []), d)
print(d.popitem(), d)
c = d.copy()
c["a"] = -1
print(d["a"], c["a"])
print(dict.fromkeys("ab", 0), {**d, "a": "over"})
del d["x"]
print(d)
d.clear()
print(d, {} == d)
order = {}
for k in ("q", "w", "e"):
    order[k] = len(order)
order["q"] = 99
print(order)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError", e)
merged = {"a": 1} | {"b": 2}
print(merged)
