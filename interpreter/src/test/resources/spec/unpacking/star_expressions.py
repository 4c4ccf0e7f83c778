a = [1, 2]
b = (3, 4)
print([*a, *b], (*a, 0), {*a, *b} == {1, 2, 3, 4}, [*"hi"])
d1 = {"x": 1}
d2 = {"y": 2, "x": 0}
print({**d1, **d2}, {**d2, **d1}, {"z": 3, **d1})
def f(*args, **kwargs):
    return args, kwargs
print(f(*a, *b), f(**d1, **{"w": 5}), f(*range(3), k=1))
t = *a, *b
print(t)
first, *_ = range(10)
print(first)
print(*[x * 2 for x in a], sep=",")
