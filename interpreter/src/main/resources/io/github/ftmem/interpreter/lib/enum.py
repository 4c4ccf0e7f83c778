"""enum for ftpy: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique. EnumMeta is a stand-in
metaclass (ftpy's classes are all of type `type`): the runtime consults its __init__ (which turns
the class body's values into members), __call__, __iter__, __len__, __contains__ and __getitem__.
IntEnum and StrEnum members compare, hash and compute like their values (ftpy cannot subclass int
or str, so isinstance(member, int) is False)."""

__all__ = ["EnumMeta", "EnumType", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag", "auto", "unique"]


class auto:
    _counter = 0

    def __init__(self):
        self.value = _auto_marker
        auto._counter += 1
        self._order = auto._counter

    def __repr__(self):
        return "auto(%r)" % (self.value,)


_auto_marker = object()


def _is_dunder(name):
    return len(name) > 4 and name[:2] == name[-2:] == "__" and name[2] != "_" and name[-3] != "_"


def _is_sunder(name):
    return len(name) > 2 and name[0] == name[-1] == "_" and name[1] != "_" and name[-2] != "_"


def _is_descriptor(obj):
    return callable(obj) or isinstance(obj, (property, classmethod, staticmethod))


def _is_private(cls_name, name):
    return name.startswith("_" + cls_name.lstrip("_") + "__")


class EnumMeta:
    def __init__(cls, name, bases, namespace):
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        if "_generate_next_value_" in namespace:
            pass
        members = []
        for key, value in list(namespace.items()):
            if _is_dunder(key) or _is_sunder(key) or _is_private(name, key):
                continue
            if _is_descriptor(value) and not isinstance(value, auto):
                continue
            members.append((key, value))
        base_members = [b for b in cls.__mro__[1:] if b.__dict__.get("_member_names_")]
        if members and base_members:
            raise TypeError(f"{name} cannot extend {base_members[0]!r}")
        last_values = []
        for key, value in members:
            if isinstance(value, auto):
                value = cls._generate_next_value_(key, 1, len(last_values), last_values[:])
            last_values.append(value)
            EnumMeta._add_member(cls, key, value)
        cls.__members__ = dict(cls._member_map_)

    def _add_member(cls, key, value):
        if key in cls._member_map_:
            raise TypeError(f"{key!r} already defined as {cls._member_map_[key]!r}")
        existing = cls._value2member_map_.get(_hashable(value))
        if existing is not None:
            cls._member_map_[key] = existing
            setattr(cls, key, existing)
            return
        member = object.__new__(cls)
        args = value if isinstance(value, tuple) else (value,)
        init = cls.__dict__.get("__init__") or _find_init(cls)
        if init is not None:
            init(member, *args)
        member._name_ = key
        if not hasattr(member, "_value_"):
            member._value_ = cls._coerce(value)
        member.__objclass__ = cls
        cls._member_names_.append(key)
        cls._member_map_[key] = member
        cls._value2member_map_[_hashable(member._value_)] = member
        setattr(cls, key, member)

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None, start=1, boundary=None):
        if names is not None:
            return cls._create_(value, names, start=start)
        if isinstance(value, cls):
            return value
        found = cls._value2member_map_.get(_hashable(value))
        if found is not None:
            return found
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name] for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '%s' and '%s'" % (
                type(member).__qualname__, "EnumType"))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]


def _find_init(cls):
    for base in cls.__mro__[1:]:
        init = base.__dict__.get("__init__")
        if init is not None and base is not Enum and base not in (IntEnum, StrEnum, Flag, IntFlag, _IntLike):
            return init
    return None


def _hashable(value):
    try:
        hash(value)
        return value
    except TypeError:
        return repr(value)


EnumType = EnumMeta


class Enum(metaclass=EnumMeta):
    """Generic enumeration: class Color(Enum): RED = 1."""

    @classmethod
    def _coerce(cls, value):
        return value

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @classmethod
    def _create_(cls, class_name, names, start=1):
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        if isinstance(names, dict):
            items = list(names.items())
        else:
            items = []
            for i, n in enumerate(names):
                if isinstance(n, str):
                    items.append((n, start + i if cls._generate_next_value_ is Enum._generate_next_value_
                                  else cls._generate_next_value_(n, start, i, [v for _, v in items])))
                else:
                    items.append(tuple(n))
        ns = {"__module__": "__main__", "__qualname__": class_name}
        for k, v in items:
            ns[k] = v
        new = type(class_name, (cls,), ns)
        EnumMeta.__init__(new, class_name, (cls,), ns)
        return new

    def __repr__(self):
        return "<%s.%s: %r>" % (self.__class__.__name__, self._name_, self._value_)

    def __str__(self):
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class _IntLike:
    def __eq__(self, other):
        if isinstance(other, Enum):
            other = other._value_
        return self._value_ == other

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    def __int__(self):
        return int(self._value_)

    def __index__(self):
        return int(self._value_)

    def __float__(self):
        return float(self._value_)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _plain(other)

    def __rsub__(self, other):
        return _plain(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _plain(other)

    def __rmul__(self, other):
        return _plain(other) * self._value_

    def __truediv__(self, other):
        return self._value_ / _plain(other)

    def __floordiv__(self, other):
        return self._value_ // _plain(other)

    def __mod__(self, other):
        return self._value_ % _plain(other)

    def __neg__(self):
        return -self._value_

    def __bool__(self):
        return bool(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __str__(self):
        return str(self._value_)


def _plain(v):
    return v._value_ if isinstance(v, Enum) else v


class IntEnum(_IntLike, Enum):
    """Enum whose members are also (and must be) ints."""

    @classmethod
    def _coerce(cls, value):
        if not isinstance(value, int):
            raise ValueError(f"invalid literal for int() with base 10: {value!r}")
        return value


class ReprEnum(Enum):
    pass


class StrEnum(Enum):
    """Enum whose members are also (and must be) strings."""

    @classmethod
    def _coerce(cls, value):
        if not isinstance(value, str):
            raise TypeError(f"{value!r} is not a string")
        return value

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __eq__(self, other):
        return self._value_ == _plain(other)

    def __hash__(self):
        return hash(self._value_)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __len__(self):
        return len(self._value_)

    def upper(self):
        return self._value_.upper()

    def lower(self):
        return self._value_.lower()


def _bits(value):
    bits = []
    bit = 1
    while bit <= value:
        if value & bit:
            bits.append(bit)
        bit <<= 1
    return bits


class Flag(Enum):
    """Support for flags: members combine with |, & and ^."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = max(last_values)
        return 1 << high.bit_length() if high > 0 else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        all_bits = 0
        for m in cls:
            all_bits |= m._value_
        if value < 0 or value & ~all_bits:
            if value < 0:
                value = value & all_bits
            else:
                raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")
            found = cls._value2member_map_.get(value)
            if found is not None:
                return found
        pseudo = object.__new__(cls)
        pseudo._value_ = value
        names = [m._name_ for m in cls if m._value_ & value == m._value_ and m._value_ and _single(m._value_)]
        pseudo._name_ = "|".join(names) if names else None
        pseudo.__objclass__ = cls
        cls._value2member_map_[value] = pseudo
        return pseudo

    def __iter__(self):
        for m in self.__class__:
            if m._value_ and _single(m._value_) and m._value_ & self._value_ == m._value_:
                yield m

    def __len__(self):
        return len(list(self))

    def __contains__(self, other):
        if not isinstance(other, self.__class__):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r" % (
                type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __repr__(self):
        name = self._name_
        if name is None:
            return "<%s: %r>" % (self.__class__.__name__, self._value_)
        return "<%s.%s: %r>" % (self.__class__.__name__, name, self._value_)

    def __str__(self):
        if self._name_ is None:
            return "%s(%r)" % (self.__class__.__name__, self._value_)
        return "%s.%s" % (self.__class__.__name__, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def __hash__(self):
        return hash(self._value_)

    def __or__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, self.__class__):
            return NotImplemented
        return self.__class__(self._value_ ^ other._value_)

    def __invert__(self):
        all_bits = 0
        for m in self.__class__:
            all_bits |= m._value_
        return self.__class__(all_bits & ~self._value_)


def _single(v):
    return v & (v - 1) == 0


class IntFlag(_IntLike, Flag):
    """Flag whose members are also ints."""

    def __str__(self):
        return str(self._value_)

    def __or__(self, other):
        if isinstance(other, int):
            return self.__class__(self._value_ | other)
        return Flag.__or__(self, other)

    def __and__(self, other):
        if isinstance(other, int):
            return self.__class__(self._value_ & other)
        return Flag.__and__(self, other)

    __hash__ = Flag.__hash__


def unique(enumeration):
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ", ".join(["%s -> %s" % (alias, name) for (alias, name) in duplicates])
        raise ValueError("duplicate values found in <enum %r>: %s" % (enumeration.__name__, alias_details))
    return enumeration

