import functools


def traced(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        """wrapper doc"""
        result = func(*args, **kwargs)
        print(f"{func.__name__}{args} -> {result}")
        return result
    return wrapper


def plain(func):
    def wrapper(*args):
        """wrapper doc"""
        return func(*args)
    return wrapper


@traced
def area(w, h):
    """Area of a rectangle."""
    return w * h


@plain
def perimeter(w, h):
    """Perimeter of a rectangle."""
    return 2 * (w + h)


area(3, 4)
print(area.__name__, area.__doc__, area.__wrapped__(5, 6))
print(perimeter.__name__, perimeter.__doc__, perimeter(1, 2))
print(area.__qualname__, perimeter.__qualname__)


def with_attrs(func):
    func.version = 2
    return func


@traced
@with_attrs
def volume(a, b, c):
    return a * b * c


volume(2, 3, 4)
print(volume.version, volume.__name__, hasattr(volume, "__wrapped__"))


def deco_factory(label):
    def deco(func):
        @functools.wraps(func)
        def inner(*args):
            return label + ":" + str(func(*args))
        return inner
    return deco


@deco_factory("sum")
def total(*xs):
    """Adds."""
    return sum(xs)


print(total(1, 2, 3), total.__name__, total.__doc__)
print(total.__wrapped__ is not total, total.__wrapped__(4))
