import json
doc = {"config": {"threads": [1, 2, 4], "name": "bench", "opts": {"x": 1.5, "y": None}}, "ok": True}
text = json.dumps(doc, indent=4, sort_keys=True)
print(text)
print(json.loads(text) == doc, json.dumps(doc, separators=(",", ":"), sort_keys=True))
