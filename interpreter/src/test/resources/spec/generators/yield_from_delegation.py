# yield from: return value, send and throw passed through two levels, close delegated, plain iterables.
def leaf():
    got = []
    try:
        while len(got) < 3:
            x = yield len(got)
            got.append(x)
    except KeyError as e:
        print("leaf handled", e)
        got.append("k")
        x = yield "after KeyError"
        got.append(x)
    finally:
        print("leaf finally", got)
    return got


def middle():
    result = yield from leaf()
    print("middle got", result)
    more = yield from range(2)
    print("range gives", more)
    return len(result)


def top():
    n = yield from middle()
    return n * 100


t = top()
print(next(t))
print(t.send("a"))
print(t.throw(KeyError("x")))
print(t.send("b"))
try:
    t.send("not None")
except AttributeError as e:
    print("AttributeError:", e)
try:
    next(t)
except StopIteration as e:
    print("top returned", e.value)

t2 = top()
next(t2)
t2.send(1)
t2.close()
print("closed through the chain")


def chars():
    yield from "ab"
    yield from [1, 2]
    yield from (x * 3 for x in "c")


print(list(chars()))


def faulty():
    yield 1
    raise OSError("disk")


def wrapper():
    try:
        yield from faulty()
    except OSError as e:
        print("wrapper caught", e)
        yield "recovered"


print(list(wrapper()))
