from contextlib import contextmanager
@contextmanager
def opened(path):
    handle = {"path": path, "open": True}
    try:
        yield handle
    finally:
        handle["open"] = False
        print("closed", path)
with opened("a.txt") as h:
    print(h)
print(h)
cm = opened("b.txt")
with cm:
    pass
try:
    with cm:
        pass
except (RuntimeError, AttributeError) as e:
    print(type(e).__name__)
