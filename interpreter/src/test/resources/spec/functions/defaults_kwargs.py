def f(a, b=2, *args, c, d=4, **kwargs):
    return (a, b, args, c, d, sorted(kwargs.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, e=9, f=10))
print(f(a=1, c=3, b=0))
print(f(*[1, 2, 3], **{"c": 4, "z": 5}))

def g(x, /, y, *, z):
    return x, y, z

print(g(1, 2, z=3), g(1, y=2, z=3))

def h(*args, **kwargs):
    return args, kwargs

print(h(), h(1, 2), h(a=1), h(*"ab", *[3], **{"k": 1}, m=2))

def mutable_default(item, bucket=[]):
    bucket.append(item)
    return bucket

print(mutable_default(1), mutable_default(2))
try:
    f()
except TypeError as e:
    print(e)
try:
    g(x=1, y=2, z=3)
except TypeError as e:
    print(e)
try:
    f(1, c=1, a=2)
except TypeError as e:
    print(e)
try:
    g(1, 2, 3)
except TypeError as e:
    print(e)
