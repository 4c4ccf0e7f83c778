from contextlib import contextmanager
@contextmanager
def guard(label):
    try:
        yield
    except ValueError as e:
        print(label, "caught", e)
    finally:
        print(label, "cleanup")
with guard("one"):
    raise ValueError("boom")
print("after one")
try:
    with guard("two"):
        raise KeyError("k")
except KeyError as e:
    print("escaped", e)
@contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print(e)
@contextmanager
def two_yields():
    yield 1
    yield 2
try:
    with two_yields():
        pass
except RuntimeError as e:
    print(e)
