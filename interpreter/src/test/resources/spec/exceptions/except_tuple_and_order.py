def risky(kind):
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][1]
    if kind == "type":
        return None + 1
    if kind == "attr":
        return None.missing
    return "fine"

for kind in ("key", "index", "type", "attr", "ok"):
    try:
        print(risky(kind))
    except (KeyError, IndexError) as e:
        print("lookup:", type(e).__name__, e)
    except Exception as e:
        print("other:", type(e).__name__, e)

try:
    raise IndexError("idx")
except LookupError as e:
    print("caught by base class:", type(e).__name__)

e = None
try:
    raise ValueError("bound")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
