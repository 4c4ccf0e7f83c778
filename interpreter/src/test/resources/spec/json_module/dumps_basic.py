import json
print(json.dumps({"a": 1, "b": [1, 2.5, None, True, False], "c": "x\"y\n"}))
print(json.dumps([1e16, 0.1, -0.0, 1e-7, 123456789012345678901234567890, 3.0]))
print(json.dumps("caf\u00e9 \u2603 \U0001f600"), json.dumps("caf\u00e9", ensure_ascii=False))
print(json.dumps({2: "int", 1.5: "float", True: "t", None: "n"}))
print(json.dumps((1, 2)), json.dumps({}), json.dumps([]), json.dumps("\x01\t"))
