from contextlib import AbstractContextManager
class Timer(AbstractContextManager):
    def __exit__(self, *exc):
        print("exit")
        return None
with Timer() as t:
    print(type(t).__name__, isinstance(t, AbstractContextManager))
