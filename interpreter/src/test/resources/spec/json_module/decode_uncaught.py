import json
try:
    json.loads("[")
except ValueError as e:
    print("ValueError:", e)
raise SystemExit(json.loads("3"))
