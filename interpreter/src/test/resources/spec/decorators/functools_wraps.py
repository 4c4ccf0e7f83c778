import functools

def logged(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)
    return wrapper

@logged
def documented(x):
    """Returns x doubled."""
    return x * 2

print(documented(4), documented.__name__, documented.__doc__, documented.__wrapped__(5))

def bare(func):
    def wrapper():
        return func()
    return wrapper

@bare
def named():
    """doc"""
print(named.__name__, named.__doc__)
