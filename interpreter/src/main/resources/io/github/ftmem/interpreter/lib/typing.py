"""typing for ftpy: the names scripts annotate with, usable at run time. Subscription gives alias
objects with CPython's repr, __origin__ and __args__ (calling a concrete alias calls its origin);
Generic and Protocol subscribe to themselves so that they work as base classes."""

import collections
import collections.abc as _abc

TYPE_CHECKING = False

_NoneType = type(None)


def _type_repr(obj):
    if isinstance(obj, type):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return f"{obj.__module__}.{obj.__qualname__}"
    if obj is ...:
        return "..."
    if isinstance(obj, list):
        return "[" + ", ".join(_type_repr(t) for t in obj) + "]"
    if callable(obj) and hasattr(obj, "__name__") and not isinstance(obj, (_Final, TypeVar)):
        return obj.__name__
    return repr(obj)


def _norm(t):
    if t is None:
        return _NoneType
    if isinstance(t, str):
        return ForwardRef(t)
    return t


class _Final:
    pass


class ForwardRef(_Final):
    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg

    def __eq__(self, other):
        return isinstance(other, ForwardRef) and self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f"ForwardRef({self.__forward_arg__!r})"


class _GenericAlias(_Final):
    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __repr__(self):
        if self._name is not None:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        if self._name == "Callable" and len(self.__args__) == 2 and (
                isinstance(self.__args__[0], list) or self.__args__[0] is ...):
            return f"{head}[{_type_repr(self.__args__[0])}, {_type_repr(self.__args__[1])}]"
        if not self.__args__:
            return head + "[()]"
        return head + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if self._name in _NOT_INSTANTIABLE or isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_norm(p) for p in params)
        mapping = {}
        tvars = [a for a in self.__args__ if isinstance(a, TypeVar)]
        if len(tvars) != len(params):
            raise TypeError(f"Too {'many' if len(params) > len(tvars) else 'few'} arguments for {self!r}")
        for tv, p in zip(tvars, params):
            mapping[tv] = p
        args = tuple(mapping.get(a, a) if isinstance(a, TypeVar) else a for a in self.__args__)
        return _GenericAlias(self.__origin__, args, self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


_NOT_INSTANTIABLE = ("List", "Dict", "Set", "FrozenSet", "Tuple", "Type")


class _SpecialGenericAlias(_Final):
    """List, Dict, ...: the bare alias of a collection, subscriptable with a fixed number of
    parameters (-1: any)."""

    def __init__(self, origin, nparams, name):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple(_norm(p) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams and not (
                self._name == "Tuple" or (self._nparams == 2 and self._name in ("Generator",) and len(params) == 3)):
            many = "many" if len(params) > self._nparams else "few"
            raise TypeError(f"Too {many} arguments for {self!r}; actual {len(params)}, expected {self._nparams}")
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        if self._name in _NOT_INSTANTIABLE:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        return self.__origin__(*args, **kwargs)

    def __eq__(self, other):
        return isinstance(other, _SpecialGenericAlias) and self.__origin__ == other.__origin__

    def __hash__(self):
        return hash(self.__origin__)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as Callable[[arg, ...], result].")
        args, result = params
        if args is not ...:
            if not isinstance(args, list):
                raise TypeError(f"Callable[args, result]: args must be a list. Got {_type_repr(args)}")
            args = [_norm(a) for a in args]
        return _GenericAlias(self.__origin__, (args, _norm(result)), "Callable")


class _SpecialForm(_Final):
    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(f"{self!r} is not subscriptable")
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and _NoneType in args:
            other = args[0] if args[1] is _NoneType else args[1]
            return f"typing.Optional[{_type_repr(other)}]"
        return "typing.Union[" + ", ".join(_type_repr(a) for a in args) + "]"

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


def _union(form, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(params, tuple):
        params = (params,)
    flat = []
    for p in params:
        p = _norm(p)
        if isinstance(p, _UnionAlias):
            members = p.__args__
        else:
            members = (p,)
        for m in members:
            if m not in flat:
                flat.append(m)
    if len(flat) == 1:
        return flat[0]
    return _UnionAlias(Union, tuple(flat), "Union")


def _optional(form, param):
    return _union(Union, (param, None))


def _literal(form, params):
    if not isinstance(params, tuple):
        params = (params,)
    return _LiteralAlias(Literal, params, "Literal")


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return "typing.Literal[" + ", ".join(repr(a) for a in self.__args__) + "]"


def _single(form, param):
    if isinstance(param, tuple):
        raise TypeError(f"{form!r} accepts only single type.")
    return _GenericAlias(form, (_norm(param),), form._name)


def _annotated(form, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments (a type and an annotation).")
    return _AnnotatedAlias(params[0], params[1:])


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,), "Annotated")
        self.__metadata__ = metadata

    def __repr__(self):
        return "typing.Annotated[{}, {}]".format(_type_repr(self.__origin__),
                                                ", ".join(repr(m) for m in self.__metadata__))


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
Union = _SpecialForm("Union", _union)
Optional = _SpecialForm("Optional", _optional)
Literal = _SpecialForm("Literal", _literal)
ClassVar = _SpecialForm("ClassVar", _single)
Final = _SpecialForm("Final", _single)
TypeGuard = _SpecialForm("TypeGuard", _single)
Annotated = _SpecialForm("Annotated", _annotated)


class TypeVar(_Final):
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = _norm(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        prefix = "+" if self.__covariant__ else "-" if self.__contravariant__ else "~"
        return prefix + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        TypeVar.__init__(self, name, bound=bound, covariant=covariant, contravariant=contravariant)


AnyStr = TypeVar("AnyStr", str, str)
Text = str


class Generic:
    """Base class of generic classes: Generic[T] is Generic itself (a usable base); C[int] for a
    subclass C is an alias whose call makes a C."""

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        if cls is Generic or cls is Protocol:
            if not params:
                raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables or parameter specification variables.")
            cls.__parameters__ = params
            return cls
        return _GenericAlias(cls, tuple(_norm(p) for p in params))


class Protocol(Generic):
    pass


def runtime_checkable(cls):
    return cls


List = _SpecialGenericAlias(list, 1, "List")
Dict = _SpecialGenericAlias(dict, 2, "Dict")
Set = _SpecialGenericAlias(set, 1, "Set")
FrozenSet = _SpecialGenericAlias(frozenset, 1, "FrozenSet")
Tuple = _SpecialGenericAlias(tuple, -1, "Tuple")
Type = _SpecialGenericAlias(type, 1, "Type")
Deque = _SpecialGenericAlias(collections.deque, 1, "Deque")
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, "DefaultDict")
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2, "OrderedDict")
Counter = _SpecialGenericAlias(collections.Counter, 1, "Counter")
ChainMap = _SpecialGenericAlias(dict, 2, "ChainMap")
Iterable = _SpecialGenericAlias(_abc.Iterable, 1, "Iterable")
Iterator = _SpecialGenericAlias(_abc.Iterator, 1, "Iterator")
Reversible = _SpecialGenericAlias(_abc.Reversible, 1, "Reversible")
Generator = _SpecialGenericAlias(_abc.Generator, 3, "Generator")
Sized = _SpecialGenericAlias(_abc.Sized, 0, "Sized")
Hashable = _SpecialGenericAlias(_abc.Hashable, 0, "Hashable")
Container = _SpecialGenericAlias(_abc.Container, 1, "Container")
Collection = _SpecialGenericAlias(_abc.Collection, 1, "Collection")
Sequence = _SpecialGenericAlias(_abc.Sequence, 1, "Sequence")
MutableSequence = _SpecialGenericAlias(_abc.MutableSequence, 1, "MutableSequence")
AbstractSet = _SpecialGenericAlias(_abc.Set, 1, "AbstractSet")
MutableSet = _SpecialGenericAlias(_abc.MutableSet, 1, "MutableSet")
Mapping = _SpecialGenericAlias(_abc.Mapping, 2, "Mapping")
MutableMapping = _SpecialGenericAlias(_abc.MutableMapping, 2, "MutableMapping")
MappingView = _SpecialGenericAlias(_abc.MappingView, 1, "MappingView")
KeysView = _SpecialGenericAlias(_abc.KeysView, 1, "KeysView")
ItemsView = _SpecialGenericAlias(_abc.ItemsView, 2, "ItemsView")
ValuesView = _SpecialGenericAlias(_abc.ValuesView, 1, "ValuesView")
Callable = _CallableAlias(_abc.Callable, 2, "Callable")


def cast(typ, val):
    return val


def overload(func):
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. A series of @overload-decorated functions "
            "outside a stub module should always be followed by an implementation that is not "
            "@overload-ed.")
    return _overload_dummy


def final(f):
    return f


def no_type_check(arg):
    return arg


def assert_never(arg):
    raise AssertionError(f"Expected code to be unreachable, but got: {arg!r}")


def reveal_type(obj):
    return obj


def get_origin(tp):
    if isinstance(tp, (_GenericAlias, _SpecialGenericAlias)):
        if isinstance(tp, _AnnotatedAlias):
            return Annotated
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        args = tp.__args__
        if tp._name == "Callable" and len(args) == 2 and isinstance(args[0], list):
            return (list(args[0]), args[1])
        return args
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get("__annotations__", {})
            for name, value in ann.items():
                hints[name] = _norm(value)
        return hints
    ann = getattr(obj, "__annotations__", None) or {}
    for name, value in ann.items():
        hints[name] = _norm(value)
    return hints


class NewType:
    def __init__(self, name, tp):
        self.__qualname__ = name
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = "__main__"

    def __repr__(self):
        return f"{self.__module__}.{self.__qualname__}"

    def __call__(self, x):
        return x


class NamedTuple:
    """class P(NamedTuple): x: int; y: int = 0 — a collections.namedtuple built from the
    annotations; NamedTuple("P", [("x", int)]) the functional form."""

    def __new__(cls, typename=None, fields=None, /, **kwargs):
        if cls is not NamedTuple:
            return object.__new__(cls)
        if fields is None:
            fields = kwargs.items()
        names = [n for n, t in fields]
        nt = collections.namedtuple(typename, names)
        nt.__annotations__ = {n: t for n, t in fields}
        return nt

    def __init_subclass__(cls, **kwargs):
        ann = cls.__dict__.get("__annotations__", {})
        names = list(ann)
        defaults = []
        for name in names:
            if name in cls.__dict__:
                defaults.append(cls.__dict__[name])
            elif defaults:
                raise TypeError(f"Non-default namedtuple field {name} cannot follow default field"
                                f"{'s' if len(defaults) > 1 else ''} {', '.join(names[names.index(name) - len(defaults):names.index(name)])}")
        nt = collections.namedtuple(cls.__name__, names, defaults=defaults)
        for key, value in nt.__dict__.items():
            if key in ("__module__", "__qualname__", "__doc__", "__dict__", "__weakref__"):
                continue
            if key in cls.__dict__ and key not in names:
                continue
            setattr(cls, key, value)
        cls._make = classmethod(lambda c, iterable: c(*iterable))

        def _replace(self, **changes):
            values = [changes.pop(n, getattr(self, n)) for n in names]
            if changes:
                raise ValueError(f"Got unexpected field names: {list(changes)!r}")
            return type(self)(*values)
        cls._replace = _replace


class _TypedDictMeta:
    pass


class TypedDict:
    """class Movie(TypedDict): name: str — calling it makes a plain dict."""

    def __new__(cls, *args, **kwargs):
        if cls is TypedDict:
            typename, fields = args[0], (args[1] if len(args) > 1 else kwargs)
            return type(typename, (TypedDict,), {"__annotations__": dict(fields)})
        return dict(*args, **kwargs)

    def __init_subclass__(cls, total=True, **kwargs):
        cls.__total__ = total
        ann = {}
        for base in reversed(cls.__mro__):
            ann.update(base.__dict__.get("__annotations__", {}))
        cls.__annotations__ = ann
        keys = frozenset(ann)
        cls.__required_keys__ = keys if total else frozenset()
        cls.__optional_keys__ = frozenset() if total else keys


def Required(tp):
    return tp


def NotRequired(tp):
    return tp


SupportsInt = _abc.Hashable
