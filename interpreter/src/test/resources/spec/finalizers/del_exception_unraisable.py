import gc


class Faulty:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalizing", self.name)
        raise ValueError("broken finalizer " + self.name)


class Fine:
    def __del__(self):
        print("fine finalizer ran")


f = Faulty("direct")
del f
print("program continues after refcount finalizer error")
x, y = Faulty("cyclic"), Fine()
x.other, y.other = y, x
del x, y
print("collected:", gc.collect())
print("still running")


def scope():
    tmp = Faulty("in function")
    return 5


print(scope())
