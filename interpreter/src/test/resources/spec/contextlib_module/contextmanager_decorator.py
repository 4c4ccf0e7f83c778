from contextlib import contextmanager
calls = []
@contextmanager
def traced(name):
    calls.append("enter " + name)
    yield
    calls.append("exit " + name)
@traced("work")
def work(x):
    calls.append(f"work {x}")
    return x * 2
print(work(1), work(2))
print(calls)
