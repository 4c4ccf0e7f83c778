# close(): GeneratorExit at the yield runs finally blocks and except clauses; return and raise inside them.
def with_finally(name):
    try:
        print(name, "start")
        yield 1
        yield 2
    finally:
        print(name, "finally")


g = with_finally("a")
next(g)
g.close()
g.close()
print("closed twice")

u = with_finally("unstarted")
u.close()
print("unstarted closed without running")

d = with_finally("done")
print(list(d))
d.close()


def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("cleanup on GeneratorExit")
        return "ignored value"


c = catches_exit()
next(c)
print(c.close())


def raises_other():
    try:
        yield 1
    except GeneratorExit:
        raise ValueError("during close")


r = raises_other()
next(r)
try:
    r.close()
except ValueError as e:
    print("close raised", e)


def stubborn():
    try:
        yield 1
    finally:
        yield 2


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
try:
    next(s)
except GeneratorExit:
    print("the pending GeneratorExit resurfaces when the finally block ends")


def nested():
    try:
        try:
            yield "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")


n = nested()
next(n)
del n
print("deleted")
