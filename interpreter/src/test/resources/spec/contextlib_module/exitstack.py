from contextlib import ExitStack, contextmanager
@contextmanager
def res(n):
    print("open", n)
    yield n
    print("close", n)
with ExitStack() as stack:
    vals = [stack.enter_context(res(i)) for i in range(3)]
    stack.callback(print, "callback", "args")
    print("inside", vals)
with ExitStack() as stack:
    stack.enter_context(res("kept"))
    moved = stack.pop_all()
print("moved out")
moved.close()
def swallow(*exc):
    print("swallow", exc[0].__name__)
    return True
with ExitStack() as stack:
    stack.push(swallow)
    raise ValueError("x")
print("done")
