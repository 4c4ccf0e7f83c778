# The return value travels in StopIteration; a StopIteration escaping the body becomes RuntimeError.
def returns(v):
    yield "only"
    return v


for v in (None, 0, "text", (1, 2)):
    g = returns(v)
    next(g)
    try:
        next(g)
    except StopIteration as e:
        print(repr(e.value), e.args)


def bare_return():
    yield 1
    return


g = bare_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print("bare:", e.value, e.args)


def leaks_stopiteration():
    yield 1
    raise StopIteration("inner")


g = leaks_stopiteration()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e, "cause:", repr(e.__cause__))

it = iter([])
def uses_next():
    yield next(it)


try:
    list(uses_next())
except RuntimeError as e:
    print(e)
print(next(returns(1)), next(bare_return(), "x"))
g = bare_return()
print(next(g), next(g, "default"), next(g, "again"))
print(list(returns(5)))
