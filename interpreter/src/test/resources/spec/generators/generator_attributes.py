# Generator attributes: __name__, __qualname__ (also of generator expressions), gi_running, gi_suspended.
def outer():
    def inner():
        yield g.gi_running
    g = inner()
    return g
g = outer()
print(g.__name__, g.__qualname__, g.gi_running, g.gi_suspended)
print(next(g), g.gi_suspended)
print(list(g), g.gi_suspended, g.gi_running)
e = (x for x in [])
print(e.__name__, e.__qualname__)
try:
    g.nothing
except AttributeError as err:
    print(err)
print(hasattr(g, "send"), hasattr(g, "throw"), hasattr(g, "close"), iter(g) is g)
