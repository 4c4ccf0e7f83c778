# Generators still suspended when the program ends are closed: their finally blocks run.
def worker(name):
    try:
        print(name, "started")
        yield 1
        print("never")
    finally:
        print(name, "cleaned up")


def holder():
    inner = worker("inner")
    next(inner)
    yield inner


a = worker("a")
next(a)
h = holder()
held = next(h)
print("end of program")
