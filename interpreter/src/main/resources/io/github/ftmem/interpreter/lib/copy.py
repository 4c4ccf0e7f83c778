"""copy for ftpy: shallow and deep copy. User classes: __copy__/__deepcopy__ when defined, else
__reduce_ex__(4)/__reduce__ when the class defines one, else a new instance (object.__new__)
with the instance dict (and __slots__ values) copied."""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_ATOMIC = (type(None), int, float, bool, str, range, type, type(len), type(lambda: 0),
           type(Ellipsis), type(NotImplemented), property)


def _is_atomic(x):
    return type(x) in _ATOMIC


def copy(x):
    cls = type(x)
    if _is_atomic(x) or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x)
    if rv is not None:
        return _reconstruct(x, None, *rv)
    return _copy_instance(x, None)


def _reduce(x):
    cls = type(x)
    for name in ("__reduce_ex__", "__reduce__"):
        for base in cls.__mro__:
            if base is object:
                break
            fn = base.__dict__.get(name)
            if fn is not None:
                rv = fn(x, 4) if name == "__reduce_ex__" else fn(x)
                if isinstance(rv, str):
                    return None
                return rv
    return None


def _state_of(x):
    state = dict(getattr(x, "__dict__", {}))
    slots = {}
    for base in type(x).__mro__:
        names = base.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    return state, slots


def _copy_instance(x, memo):
    cls = type(x)
    if isinstance(x, BaseException):
        y = object.__new__(cls)
        y.args = x.args if memo is None else deepcopy(x.args, memo)
    elif isinstance(x, list):
        y = cls()
    elif isinstance(x, dict):
        y = cls()
    else:
        y = object.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state, slots = _state_of(x)
    if memo is not None:
        state = deepcopy(state, memo)
        slots = deepcopy(slots, memo)
    getstate = getattr(cls, "__getstate__", None)
    setstate = getattr(y, "__setstate__", None)
    if getstate is not None and "__getstate__" in _own_names(cls):
        st = getstate(x)
        if memo is not None:
            st = deepcopy(st, memo)
        if setstate is not None:
            setstate(st)
        else:
            y.__dict__.update(st)
    else:
        y.__dict__.update(state)
        for k, v in slots.items():
            object.__setattr__(y, k, v)
    if isinstance(x, list):
        y.extend(x if memo is None else [deepcopy(v, memo) for v in x])
    elif isinstance(x, dict):
        for k, v in x.items():
            if memo is None:
                y[k] = v
            else:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
    return y


def _own_names(cls):
    names = set()
    for base in cls.__mro__:
        if base is object:
            break
        names.update(base.__dict__)
    return names


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(x):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(items, x)):
            y = x
        else:
            y = tuple(items)
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            rv = _reduce(x)
            if rv is not None:
                y = _reconstruct(x, memo, *rv)
            else:
                y = _copy_instance(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None, *rest):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(a, memo) for a in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, "__setstate__"):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
            else:
                y[key] = value
    return y
