def f(a, *, key, flag=False):
    return a, key, flag

print(f(1, key=2), f(1, key=2, flag=True))
for call in (lambda: f(1), lambda: f(1, 2), lambda: f(1, key=2, other=3), lambda: f(key=1)):
    try:
        call()
    except TypeError as e:
        print(e)

def g(*args, sep=" "):
    return sep.join(str(a) for a in args)
print(g(1, 2, 3), g(1, 2, sep="-"))
