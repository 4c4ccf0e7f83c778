# Generator lambdas and `return (yield ...)`: the value of the yield becomes the StopIteration value.
echo_once = lambda: (yield "ready")
g = echo_once()
print(next(g))
try:
    g.send("payload")
except StopIteration as e:
    print("returned", e.value)

print(list((lambda: (yield from range(3)))()))


def relay():
    first = yield "first"
    return (yield first.upper())


r = relay()
print(next(r), r.send("abc"))
try:
    r.send("last")
except StopIteration as e:
    print("relay returned", e.value)


def delegate():
    return (yield from relay())


d = delegate()
print(next(d), d.send("x"))
try:
    d.send("y")
except StopIteration as e:
    print("delegate returned", e.value)

printing = lambda: print("sent:", (yield))
p = printing()
next(p)
try:
    p.send(42)
except StopIteration as e:
    print("printing returned", e.value)
