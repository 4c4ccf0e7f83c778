def worker():
    try:
        while True:
            try:
                item = yield
                print("processing", item)
            except ValueError as e:
                print("recovered from", e)
    finally:
        print("worker cleanup")

w = worker()
next(w)
w.send("a")
w.throw(ValueError("bad item"))
w.send("b")
w.close()
print("closed")
try:
    w.send("c")
except StopIteration:
    print("closed generator raises StopIteration")

def gen():
    yield 1
g = gen()
g.close()
print(list(g))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
s = stubborn()
next(s)
s.close()
