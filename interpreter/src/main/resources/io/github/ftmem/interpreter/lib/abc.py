"""abc for ftpy. ftpy's classes are all of type `type`: ABCMeta is a stand-in metaclass (the runtime
consults its __init__, __instancecheck__ and __subclasscheck__ through `__ftpy_meta__`), and the
runtime's object creation refuses a class whose own __abstractmethods__ is non-empty, as CPython's."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(value):
    if getattr(value, "__isabstractmethod__", False):
        return True
    for attr in ("fget", "fset", "fdel", "__func__"):
        inner = getattr(value, attr, None)
        if inner is not None and getattr(inner, "__isabstractmethod__", False):
            return True
    return False


def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


def _register(cls, subclass):
    if not isinstance(subclass, type):
        raise TypeError("Can only register classes")
    if issubclass(subclass, cls):
        return subclass
    if issubclass(cls, subclass):
        raise RuntimeError("Refusing to create an inheritance cycle")
    registry = cls.__dict__.get("_abc_registry")
    if registry is None:
        registry = cls._abc_registry = []
    registry.append(subclass)
    return subclass


def _real_subclass(sub, cls):
    return cls in getattr(sub, "__mro__", ())


class ABCMeta:
    """The metaclass of abstract base classes (a stand-in: see the module docstring)."""

    def __init__(cls, name, bases, namespace):
        abstracts = set()
        for key, value in list(namespace.items()):
            if _is_abstract(value):
                abstracts.add(key)
        for base in bases:
            for key in getattr(base, "__abstractmethods__", ()):
                value = getattr(cls, key, None)
                if _is_abstract(value):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        cls._abc_subclasses = []
        for base in cls.__mro__[1:]:
            subs = base.__dict__.get("_abc_subclasses")
            if subs is not None:
                subs.append(cls)
        if "register" not in namespace:
            cls.register = classmethod(_register)
        if "__subclasshook__" not in namespace and not hasattr(cls, "__subclasshook__"):
            cls.__subclasshook__ = classmethod(_default_hook)

    def __instancecheck__(cls, instance):
        return ABCMeta.__subclasscheck__(cls, type(instance))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        if _real_subclass(subclass, cls):
            return True
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            return bool(ok)
        for registered in cls.__dict__.get("_abc_registry", ()):
            if _real_subclass(subclass, registered) or issubclass(subclass, registered):
                return True
        for sub in cls.__dict__.get("_abc_subclasses", ()):
            if issubclass(subclass, sub):
                return True
        return False


def _default_hook(cls, subclass):
    return NotImplemented


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""


def get_cache_token():
    return 0


def update_abstractmethods(cls):
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for base in cls.__mro__[1:]:
        for name in getattr(base, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls
