from contextlib import contextmanager
@contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")
with tag("p") as t:
    print("body", t)
with tag("a"), tag("b"):
    print("nested")
