import json
vals = [0.1, 1/3, 2.5e-5, 1e22, 1.7976931348623157e308, 5e-324, -12.0, 100.0, 1234567.125]
s = json.dumps(vals)
print(s)
print(json.loads(s) == vals)
