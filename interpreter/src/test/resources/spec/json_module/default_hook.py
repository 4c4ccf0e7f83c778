import json
class P:
    def __init__(self, x): self.x = x
def enc(o):
    if isinstance(o, P):
        return {"P": o.x}
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"cannot {type(o).__name__}")
print(json.dumps([P(1), {3, 1}], default=enc))
class Enc(json.JSONEncoder):
    def default(self, o):
        return repr(o)
print(json.dumps({"f": P}, cls=Enc) if False else Enc().encode([{1}]))
