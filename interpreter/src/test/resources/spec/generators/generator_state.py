def numbers():
    yield 1
    yield 2

g = numbers()
print(list(zip(g, "abc")))
g2 = numbers()
print(next(g2))
for n in g2:
    print("rest", n)
print(next(g2, "empty"))
def infinite():
    i = 0
    while True:
        yield i
        i += 1
inf = infinite()
print([next(inf) for _ in range(5)])
gen_exp = (x for x in range(3))
print(next(gen_exp), list(gen_exp))
def gen_raises():
    yield 1
    raise KeyError("inside generator")
try:
    list(gen_raises())
except KeyError as e:
    print("KeyError", e)
