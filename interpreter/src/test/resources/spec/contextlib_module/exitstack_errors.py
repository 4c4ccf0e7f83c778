from contextlib import ExitStack
class CM:
    def __init__(self, n): self.n = n
    def __enter__(self): return self
    def __exit__(self, *a):
        print("exit", self.n, a[0].__name__ if a[0] else None)
        if self.n == 1:
            raise KeyError("from exit")
try:
    with ExitStack() as s:
        s.enter_context(CM(0))
        s.enter_context(CM(1))
        s.enter_context(CM(2))
        raise ValueError("body")
except KeyError as e:
    print("got", repr(e), type(e.__context__).__name__)
try:
    with ExitStack() as s:
        s.enter_context(object())
except TypeError as e:
    print(e)
