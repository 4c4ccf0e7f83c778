# with statements suspended at a yield: __exit__ runs on normal exit, on throw, on close and can suppress.
class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, value, tb):
        print("exit", self.name, typ.__name__ if typ else None, value)
        return self.suppress


def use(suppress):
    with Resource("r1") as a, Resource("r2", suppress) as b:
        got = yield a + b
        print("got", got)
        yield "second"
    yield "after with"


g = use(False)
print(next(g))
print(g.send("x"))
print(next(g))
print(next(g, "end"))

g = use(True)
next(g)
print(g.throw(KeyError("k")))

g = use(False)
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)

g = use(False)
next(g)
g.close()
print("closed")
