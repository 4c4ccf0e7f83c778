import json
for obj in [{1, 2}, object, {(1, 2): 3}, float("nan")]:
    try:
        print(json.dumps(obj, allow_nan=False) if isinstance(obj, float) else json.dumps(obj))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps([float("inf"), float("-inf"), float("nan")]))
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
print(json.dumps({(1, 2): 3, "ok": 1}, skipkeys=True))
