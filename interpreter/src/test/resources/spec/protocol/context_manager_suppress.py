class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.seen = []

    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        name = exc_type.__name__ if exc_type else None
        self.seen.append(name)
        print("exit with", name, repr(exc) if exc else "")
        return exc_type is not None and issubclass(exc_type, self.kinds)


with Suppress(KeyError) as s:
    {}["missing"]
    print("not reached")
print("after first", s.seen)
with s:
    print("no error inside")
try:
    with Suppress(KeyError):
        raise ValueError("passes through")
except ValueError as e:
    print("caught outside:", e)


def early_return():
    with Suppress(ZeroDivisionError) as cm:
        return 1 / 0
    return "suppressed, fell through"


print(early_return())


def in_loop():
    out = []
    for i in range(4):
        with Suppress(ZeroDivisionError):
            if i == 2:
                continue
            out.append(10 // (i - 1))
    return out


print(in_loop())


class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        print("close", self.name, exc[0].__name__ if exc[0] else "ok")
        return False


with Resource("a") as a, Resource("b") as b:
    print("using", a, b)
try:
    with Resource("x"), Resource("y"):
        raise RuntimeError("inner failure")
except RuntimeError as e:
    print("RuntimeError:", e)
