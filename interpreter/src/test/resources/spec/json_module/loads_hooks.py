import json
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda pairs: pairs))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d)))
print(json.loads('[1.5, 2]', parse_float=str, parse_int=lambda s: int(s) * 10))
