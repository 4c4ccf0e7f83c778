# send(): the value of the yield expression, the first send must be None, sends after the end.
def accumulate():
    total = 0
    count = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
        count += 1
    return (total, count)


acc = accumulate()
try:
    acc.send(5)
except TypeError as e:
    print("TypeError:", e)
print(acc.send(None))
for v in [3, 4, 10]:
    print("running total", acc.send(v))
try:
    acc.send(None)
except StopIteration as e:
    print("finished with", e.value)
try:
    acc.send(1)
except StopIteration as e:
    print("after the end:", repr(e.value))


def averager():
    total = 0.0
    n = 0
    average = None
    while True:
        term = yield average
        total += term
        n += 1
        average = total / n


avg = averager()
next(avg)
print([avg.send(x) for x in (10, 20, 60)])


def pingpong():
    received = []
    x = yield "ready"
    while x != "stop":
        received.append(x)
        x = yield len(received)
    yield received


p = pingpong()
print(next(p), p.send("a"), p.send("b"), p.send("stop"))
