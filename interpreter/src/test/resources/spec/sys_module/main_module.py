import sys
module = sys.modules[__name__]
def double(x):
    return x + x
counter = 41
print(__name__, module.__name__, module.double(21), module.counter + 1)
module.counter = 0
print(counter, "__main__" in sys.modules, type(module).__name__)
