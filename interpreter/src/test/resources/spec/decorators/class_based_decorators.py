class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        return self.func(*args, **kwargs)


class Validate:
    def __init__(self, *types):
        self.types = types

    def __call__(self, func):
        types = self.types
        def checked(*args):
            for i, (arg, t) in enumerate(zip(args, types)):
                if not isinstance(arg, t):
                    raise TypeError(f"argument {i} of {func.__name__} must be {t.__name__}, not {type(arg).__name__}")
            return func(*args)
        return checked


@CountCalls
def hello(name):
    return "hello " + name


print(hello("x"), hello("y"), hello.calls, type(hello).__name__)


@Validate(int, str)
def label(n, text):
    return text * n


print(label(2, "ab"))
try:
    label("2", "ab")
except TypeError as e:
    print(e)


def add_method(cls):
    def describe(self):
        return f"<{cls.__name__} {sorted(vars(self).items())}>"
    cls.describe = describe
    cls.decorated = True
    return cls


@add_method
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.describe(), Point.decorated)


def singleton(cls):
    instances = {}
    def get(*args):
        if cls not in instances:
            instances[cls] = cls(*args)
        return instances[cls]
    return get


@singleton
class Config:
    def __init__(self, name):
        self.name = name


a = Config("first")
b = Config("second")
print(a is b, a.name)
label(3, 4)
