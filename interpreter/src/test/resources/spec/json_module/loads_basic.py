import json
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d"}}'))
print(json.loads('"\\u00e9\\n\\t\\"\\ud83d\\ude00"'), json.loads("  42 "), json.loads("-0.5"), json.loads("1E3"))
print(json.loads("[]"), json.loads("{}"), json.loads('"x"'), json.loads("NaN") != json.loads("NaN"), json.loads("Infinity"))
print(type(json.loads("10")).__name__, type(json.loads("10.0")).__name__)
