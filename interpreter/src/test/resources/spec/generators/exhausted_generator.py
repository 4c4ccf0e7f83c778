# A finished generator: next raises StopIteration, send too, throw raises the exception, close is a no-op.
def two():
    yield 1
    yield 2


g = two()
print(list(g))
print(list(g))
print(next(g, "empty"))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    g.send(None)
except StopIteration:
    print("send: StopIteration")
try:
    g.throw(ValueError("x"))
except ValueError as e:
    print("throw:", e)
print(g.close())
for x in g:
    print("never")
else:
    print("loop over exhausted generator ends at once")

h = (x for x in "ab")
print(list(h), list(h), sum(1 for _ in h))
it = iter(two())
print(it is iter(it), next(it), list(it))
