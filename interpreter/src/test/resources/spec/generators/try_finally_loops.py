# yield inside try/finally inside loops, with break, continue and return passing through finally.
def gen():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            yield i
        finally:
            print("finally", i)
    while True:
        try:
            yield "loop"
            return "done"
        finally:
            print("while finally")


g = gen()
print(list(g))


def retry():
    attempt = 0
    while attempt < 3:
        attempt += 1
        try:
            value = yield attempt
            if value == "fail":
                raise ValueError(attempt)
        except ValueError as e:
            print("retrying after", e)
            continue
        else:
            print("succeeded on", attempt)
            return attempt
        finally:
            print("attempt", attempt, "over")


r = retry()
print(next(r))
print(r.send("fail"))
try:
    r.send("ok")
except StopIteration as e:
    print("result", e.value)


def finally_overrides():
    try:
        yield 1
        return "from try"
    finally:
        yield 2
        return "from finally"


f = finally_overrides()
print(next(f), next(f))
try:
    next(f)
except StopIteration as e:
    print(e.value)


def except_yield():
    for i in range(3):
        try:
            1 / (i - 1)
        except ZeroDivisionError:
            yield "zero at %d" % i
            yield "still handling"
        else:
            yield i


print(list(except_yield()))
