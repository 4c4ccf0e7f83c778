class Plain(object):
    pass


class Base:
    def __init__(self, value):
        self.value = value

    def __eq__(self, other):
        return type(self) is type(other) and self.value == other.value

    def __hash__(self):
        return hash(self.value)


p = Plain()
print(type(p).__name__, isinstance(p, object), Plain.__bases__, Plain.__mro__)
print(issubclass(Plain, object), issubclass(bool, int), issubclass(Base, Plain))
print(p == p, p != Plain(), Plain.__name__, Plain.__qualname__)
a, b, c = Base(1), Base(1), Base(2)
print(a == b, a == c, a != c, len({a, b, c}), a == 1)
o = object()
print(type(o).__name__, o == o, o is not object())
try:
    o.attr = 1
except AttributeError as e:
    print("AttributeError:", e)


class WithInit:
    def __init__(self, *args, **kwargs):
        super().__init__()
        self.args = args
        self.kwargs = kwargs


w = WithInit(1, 2, k=3)
print(w.args, w.kwargs)


class Repr:
    pass


r = Repr()
r.x = 1
print(vars(r), str(r).startswith("<__main__.Repr object at"), repr(r) == str(r))
print(object.__name__, type(object).__name__, type(type).__name__)
