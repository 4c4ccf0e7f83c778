class Tracker:
    depth = 0

    def __enter__(self):
        Tracker.depth += 1
        print("enter depth", Tracker.depth)
        return Tracker.depth

    def __exit__(self, et, ev, tb):
        print("exit depth", Tracker.depth, "with", et.__name__ if et else None)
        Tracker.depth -= 1


with Tracker() as d1:
    with Tracker() as d2:
        print("inside", d1, d2)


class FailingExit:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        raise KeyError("from __exit__")


try:
    with FailingExit():
        raise ValueError("original")
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))


class NoExit:
    def __enter__(self):
        return 1


try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__)

with Tracker():
    with Tracker():
        raise LookupError("propagates to the top")
