# throw(): class or instance, caught inside and resumed, propagating out, into unstarted and finished generators.
def resilient():
    attempts = 0
    while True:
        try:
            yield attempts
        except KeyError as e:
            print("resilient caught KeyError", e)
            attempts += 1
        except (TypeError, ValueError) as e:
            print("resilient caught", type(e).__name__, e)
            attempts += 10


g = resilient()
print(next(g))
print(g.throw(KeyError("k")))
print(g.throw(ValueError))
print(g.throw(TypeError("t")))
try:
    g.throw(ZeroDivisionError("boom"))
except ZeroDivisionError as e:
    print("propagated:", e)
try:
    next(g)
except StopIteration:
    print("finished after an uncaught throw")


def never_started():
    print("never printed")
    yield 1


n = never_started()
try:
    n.throw(RuntimeError("early"))
except RuntimeError as e:
    print("unstarted:", e)
print(list(n))

done = iter(())
def empty():
    return
    yield


e = empty()
print(list(e))
try:
    e.throw(IndexError("late"))
except IndexError as err:
    print("finished:", err)

try:
    resilient().throw(42)
except TypeError as err:
    print("TypeError:", err)


def rethrow():
    try:
        yield 1
    except ValueError:
        raise LookupError("converted")


r = rethrow()
next(r)
try:
    r.throw(ValueError("orig"))
except LookupError as err:
    print("context:", repr(err.__context__))


def once():
    yield 1


for args in [(ValueError, "msg"), (ValueError, ValueError("inst")), (ValueError, (1, 2)), (ValueError, None),
             (ValueError("a"), "b"), (int,)]:
    o = once()
    next(o)
    try:
        o.throw(*args)
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err.args)
