import json
data = {"name": "x", "list": [1, {"k": []}], "empty": {}, "z": None}
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps([1, [2, [3]]], indent=0))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=None))
