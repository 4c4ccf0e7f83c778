# The first iterable of a generator expression is evaluated at creation, the others when it runs.
try:
    g = (x for x in 1)
except TypeError as e:
    print("at creation:", e)

g = (x for x in [1] for y in 2)
print("created fine")
try:
    next(g)
except TypeError as e:
    print("when running:", e)
print(list(g))


def missing():
    return (x for x in undefined_name)


try:
    missing()
except NameError as e:
    print("creation NameError:", e)

lazy = (undefined_too for x in [1])
try:
    next(lazy)
except NameError as e:
    print("lazy NameError:", e)

boom = (1 / x for x in [1, 0, 2])
print(next(boom))
try:
    next(boom)
except ZeroDivisionError as e:
    print(e)
print(next(boom, "finished after the error"))
