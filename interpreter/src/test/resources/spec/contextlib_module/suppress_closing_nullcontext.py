from contextlib import suppress, closing, nullcontext
with suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
with suppress(ZeroDivisionError):
    print("no error")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
class Resource:
    def close(self):
        print("closed")
with closing(Resource()) as r:
    print("using", type(r).__name__)
with nullcontext(42) as v:
    print(v)
with nullcontext() as v:
    print(v)
