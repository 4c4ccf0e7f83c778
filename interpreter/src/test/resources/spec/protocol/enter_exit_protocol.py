class Resource:
    log = []

    def __init__(self, name):
        self.name = name

    def __enter__(self):
        Resource.log.append("open " + self.name)
        return self

    def __exit__(self, exc_type, exc_value, traceback):
        Resource.log.append(f"close {self.name} ({exc_type.__name__ if exc_type else 'ok'})")
        return isinstance(exc_value, KeyError)

with Resource("a") as r:
    Resource.log.append("use " + r.name)
with Resource("b"):
    raise KeyError("ignored")
try:
    with Resource("c"):
        raise ValueError("kept")
except ValueError:
    Resource.log.append("ValueError propagated")
for line in Resource.log:
    print(line)
