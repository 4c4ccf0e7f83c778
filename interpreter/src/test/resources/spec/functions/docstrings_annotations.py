def typed(a: int, b: "str" = "x", *args: float, c: list = None, **kw: dict) -> bool:
    """Annotations are evaluated at definition time but do not change behaviour."""
    return True

print(typed(1), typed.__doc__)
x: int = 5
y: list
print(x)

class K:
    """Class docstring."""
    attr: int = 3
    def method(self) -> "K":
        "Method docstring."
        return self

print(K.__doc__, K.method.__doc__, K.attr)

def no_doc():
    x = "not a docstring"
    return x

print(no_doc.__doc__)
