class Tracer:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tracer("a") as value:
    print("body", value)

with Tracer("outer") as o, Tracer("inner") as i:
    print("both", o, i)

with Tracer("suppressing", suppress=True):
    raise ValueError("swallowed")
print("after suppressed error")

try:
    with Tracer("propagating"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", repr(e))

def early_return():
    with Tracer("returning"):
        return "returned"

print(early_return())
with (Tracer("p1") as a, Tracer("p2") as b):
    print(a, b)
