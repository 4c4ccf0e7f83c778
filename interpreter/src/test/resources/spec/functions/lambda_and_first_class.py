square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
def apply(f, *args):
    return f(*args)
print(apply(max, 3, 9, 2), apply(len, "abcd"), apply(lambda *a: sum(a), 1, 2, 3))
funcs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in funcs])
print(sorted(["bb", "a", "ccc"], key=lambda s: len(s)), sorted([3, 1, 2], reverse=True))
print(callable(square), callable(5), square.__name__, apply.__name__)
def outer():
    """Docstring of outer."""
    return 1
print(outer.__doc__)
