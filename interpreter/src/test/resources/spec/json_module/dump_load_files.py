import json, io
buf = io.StringIO()
json.dump({"k": [1, 2]}, buf, indent=1)
print(buf.getvalue())
print(json.load(io.StringIO('{"r": 1}')))
data = {"users": [{"name": "ann", "age": 31}, {"name": "bob", "age": 27}]}
print(json.loads(json.dumps(data)) == data)
