"""dataclasses for ftpy: @dataclass builds __init__, __repr__, __eq__, ordering, __hash__ and the
frozen __setattr__/__delattr__ from the class's annotations as CPython's does (the methods are
closures here instead of generated source); field, fields, asdict, astuple, replace, is_dataclass,
make_dataclass, FrozenInstanceError, MISSING, KW_ONLY, InitVar."""

import copy

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY", "MISSING",
           "fields", "asdict", "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return "<dataclasses._MISSING_TYPE object>"


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        return f"dataclasses.InitVar[{getattr(self.type, '__name__', self.type)}]"


_FIELD, _FIELD_CLASSVAR, _FIELD_INITVAR = "_FIELD", "_FIELD_CLASSVAR", "_FIELD_INITVAR"


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(" f"name={self.name!r},type={self.type!r},default={self.default!r},"
                f"default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},"
                f"hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},_field_type={self._field_type})")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    r = repr(tp)
    return r.startswith("typing.ClassVar")


def _join(names):
    names = [repr(n) for n in names]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return ", ".join(names[:-1]) + ", and " + names[-1]


def _process(cls, init, repr_, eq, order, unsafe_hash, frozen, match_args, kw_only, slots):
    fields_map = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = base.__dict__.get("__dataclass_fields__")
        if base_fields is not None:
            for f in base_fields.values():
                fields_map[f.name] = f
    ann = cls.__dict__.get("__annotations__", {})
    kw_only_now = kw_only
    for name, tp in ann.items():
        if tp is KW_ONLY or (isinstance(tp, type) and tp is _KW_ONLY_TYPE):
            kw_only_now = True
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = field(default=default)
        f.name = name
        f.type = tp
        f._field_type = _FIELD
        if _is_classvar(tp):
            f._field_type = _FIELD_CLASSVAR
        elif isinstance(tp, InitVar):
            f._field_type = _FIELD_INITVAR
        if f.kw_only is MISSING:
            f.kw_only = kw_only_now
        if f._field_type == _FIELD and f.default is not MISSING and type(f.default) in (list, dict, set):
            raise ValueError(f"mutable default {type(f.default)} for field {name} is not allowed: "
                             f"use default_factory")
        fields_map[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    cls.__dataclass_fields__ = fields_map
    cls.__dataclass_params__ = _DataclassParams(init, repr_, eq, order, unsafe_hash, frozen)
    all_fields = [f for f in fields_map.values() if f._field_type == _FIELD]
    init_fields = [f for f in fields_map.values() if f._field_type in (_FIELD, _FIELD_INITVAR) and f.init]
    qual = cls.__qualname__

    if init:
        positional = [f for f in init_fields if not f.kw_only]
        kwonly = [f for f in init_fields if f.kw_only]
        seen_default = None
        for f in positional:
            has_default = f.default is not MISSING or f.default_factory is not MISSING
            if has_default:
                seen_default = f
            elif seen_default is not None:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
        _set_new(cls, "__init__", _make_init(cls, qual, positional, kwonly, all_fields, frozen))
    if repr_:
        repr_fields = [f for f in all_fields if f.repr]

        def __repr__(self):
            key = id(self)
            if key in _repr_running:
                return "..."
            _repr_running.add(key)
            try:
                inner = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in repr_fields)
            finally:
                _repr_running.discard(key)
            return f"{self.__class__.__qualname__}({inner})"
        _set_new(cls, "__repr__", __repr__)
    cmp_fields = [f for f in all_fields if f.compare]

    def _tuple(self):
        return tuple(getattr(self, f.name) for f in cmp_fields)
    if eq:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return _tuple(self) == _tuple(other)
            return NotImplemented
        _set_new(cls, "__eq__", __eq__)
    if order:
        if not eq:
            raise ValueError("eq must be true if order is true")

        def make(op):
            def compare(self, other):
                if other.__class__ is self.__class__:
                    return op(_tuple(self), _tuple(other))
                return NotImplemented
            return compare
        for name, op in (("__lt__", lambda a, b: a < b), ("__le__", lambda a, b: a <= b),
                         ("__gt__", lambda a, b: a > b), ("__ge__", lambda a, b: a >= b)):
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}. "
                                f"Consider using functools.total_ordering")
            fn = make(op)
            fn.__name__ = name
            setattr(cls, name, fn)
    if frozen:
        field_names = set(f.name for f in all_fields)

        def __setattr__(self, name, value):
            if type(self) is cls or name in field_names:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in field_names:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            object.__delattr__(self, name)
        for name in ("__setattr__", "__delattr__"):
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    hash_fields = [f for f in all_fields if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(tuple(getattr(self, f.name) for f in hash_fields))
    has_own_hash = "__hash__" in cls.__dict__ and cls.__dict__["__hash__"] is not None
    if unsafe_hash:
        if has_own_hash:
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        cls.__hash__ = __hash__
    elif eq and frozen:
        if not has_own_hash:
            cls.__hash__ = __hash__
    elif eq:
        if not has_own_hash:
            cls.__hash__ = None
    if match_args:
        cls.__match_args__ = tuple(f.name for f in init_fields if not f.kw_only)
    return cls


_repr_running = set()


def _set_new(cls, name, value):
    if name not in cls.__dict__:
        value.__name__ = name
        value.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, value)


def _make_init(cls, qual, positional, kwonly, all_fields, frozen):
    names = [f.name for f in positional]
    by_name = {f.name: f for f in positional + kwonly}
    initvars = [f.name for f in positional + kwonly if f._field_type == _FIELD_INITVAR]
    non_init = [f for f in all_fields if not f.init]

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            n = len(positional) + 1
            raise TypeError(f"{qual}.__init__() takes {n} positional argument{'s' if n > 1 else ''} but "
                            f"{len(args) + 1} were given")
        values = {}
        for name, value in zip(names, args):
            values[name] = value
        for name, value in kwargs.items():
            if name not in by_name:
                raise TypeError(f"{qual}.__init__() got an unexpected keyword argument {name!r}")
            if name in values:
                raise TypeError(f"{qual}.__init__() got multiple values for argument {name!r}")
            values[name] = value
        missing_pos = []
        missing_kw = []
        for f in positional + kwonly:
            if f.name in values:
                continue
            if f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            elif f.kw_only:
                missing_kw.append(f.name)
            else:
                missing_pos.append(f.name)
        if missing_pos:
            n = len(missing_pos)
            raise TypeError(f"{qual}.__init__() missing {n} required positional argument"
                            f"{'s' if n > 1 else ''}: {_join(missing_pos)}")
        if missing_kw:
            n = len(missing_kw)
            raise TypeError(f"{qual}.__init__() missing {n} required keyword-only argument"
                            f"{'s' if n > 1 else ''}: {_join(missing_kw)}")
        for f in positional + kwonly:
            if f._field_type == _FIELD:
                object.__setattr__(self, f.name, values[f.name])
        for f in non_init:
            if f.default is not MISSING:
                object.__setattr__(self, f.name, f.default)
            elif f.default_factory is not MISSING:
                object.__setattr__(self, f.name, f.default_factory())
        post = getattr(self, "__post_init__", None)
        if post is not None:
            post(*[values[n] for n in initvars])
    return __init__


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return (f"_DataclassParams(init={self.init!r},repr={self.repr!r},eq={self.eq!r},"
                f"order={self.order!r},unsafe_hash={self.unsafe_hash!r},frozen={self.frozen!r})")


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple(f for f in fs.values() if f._field_type == _FIELD)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, "__dataclass_fields__")


def _is_dataclass_instance(obj):
    return hasattr(type(obj), "__dataclass_fields__")


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory)) for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory)) for k, v in obj.items())
    return copy.deepcopy(obj)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in obj.__dataclass_fields__.values():
        if f._field_type == _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified "
                                 f"with replace()")
            continue
        if f.name not in changes:
            if f._field_type == _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    ns = dict(namespace or {})
    ann = {}
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        else:
            name, tp, spec = item
            ns[name] = spec
        ann[name] = tp
    ns["__annotations__"] = ann
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
