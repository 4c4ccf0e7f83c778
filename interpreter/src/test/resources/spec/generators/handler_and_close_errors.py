# Errors while handling a thrown exception or while closing a delegated generator: nothing is lost.
def g():
    try:
        yield 1
    except undefined_name:
        pass
x = g(); next(x)
try:
    x.throw(ValueError("v"))
except NameError as e:
    print("NameError", e, repr(e.__context__))

def stubborn():
    try:
        yield 1
    finally:
        yield 2
def outer():
    yield from stubborn()
o = outer(); next(o)
try:
    o.close()
except RuntimeError as e:
    print(e)
print(next(o, "end"))
