import functools
import operator


def power(base, exp, *, mod=None):
    r = base ** exp
    return r % mod if mod else r


square = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=10)
two_to = functools.partial(power, 2)
print(square(7), cube_mod(7), two_to(10), square(base=3))
print(square.func is power, square.args, square.keywords, two_to.args)
nested = functools.partial(functools.partial(power, 3), mod=5)
print(nested(4), nested.keywords)
print(functools.reduce(operator.add, range(1, 11)))
print(functools.reduce(lambda acc, x: acc * 10 + x, [1, 2, 3, 4], 0))
print(functools.reduce(max, [3, 8, 2, 9, 4]), functools.reduce(operator.mul, [], 1))
print(functools.reduce(lambda d, kv: {**d, kv[0]: kv[1]}, [("a", 1), ("b", 2)], {}))
words = ["ftmem", "heap", "gc", "refcount"]
print(functools.reduce(lambda a, b: a if len(a) >= len(b) else b, words))
try:
    functools.reduce(operator.add, [])
except TypeError as e:
    print("TypeError:", e)
parse_hex = functools.partial(int, base=16)
print(parse_hex("ff"), parse_hex("10"), list(map(parse_hex, ["a", "1f"])))
