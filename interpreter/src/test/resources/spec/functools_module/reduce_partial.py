import functools
print(functools.reduce(lambda a, b: a * b, range(1, 11)))
print(functools.reduce(lambda acc, s: acc + len(s), ["ab", "cde"], 0))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print(e)
def power(base, exp):
    return base ** exp
square = functools.partial(power, exp=2)
two_to = functools.partial(power, 2)
print(square(9), two_to(10), square.func is power, square.keywords, two_to.args)
