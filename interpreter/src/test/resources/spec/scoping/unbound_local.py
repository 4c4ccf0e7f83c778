x = 10

def broken():
    print(x)
    x = 5

try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e)

def free_unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 1

free_unbound()
try:
    print(undefined_name)
except NameError as e:
    print(type(e).__name__, e)

def deleted():
    v = 1
    del v
    return v

deleted()
