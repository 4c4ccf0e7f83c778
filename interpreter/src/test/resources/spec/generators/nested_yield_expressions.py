# yield nested inside expressions (the general fallback path): arguments, operands, loop tests.
def printer():
    while True:
        print("received", (yield))


p = printer()
next(p)
p.send(1)
p.send("two")
p.close()


def adder():
    total = 0
    while (yield total) is not False:
        total = total + (yield "need a number")
    return total


a = adder()
print(next(a))
print(a.send(None))
print(a.send(5))
print(a.send(None))
print(a.send(7))
try:
    a.send(False)
except StopIteration as e:
    print("total", e.value)


def doubler():
    yield (yield 1) * 2


d = doubler()
print(next(d), d.send(21))


def in_call():
    result = [(yield "a"), (yield "b")]
    return result


c = in_call()
print(next(c), c.send(1))
try:
    c.send(2)
except StopIteration as e:
    print(e.value)
