"""array for ftpy: typed arrays of numbers whose elements live packed in one RAW block of the ftmem
heap (the built-in module _array); typecodes b B u h H i I l L q Q f d ('u': one code point per
4-byte element). ftpy has no bytes type, so the byte-level methods (tobytes, frombytes, fromfile,
tofile, byteswap) are not provided."""

import _array

__all__ = ["array", "ArrayType", "typecodes"]

typecodes = "bBuhHiIlLqQfd"

_SIZES = {"u": 4, "b": 1, "B": 1, "h": 2, "H": 2, "i": 4, "I": 4, "l": 8, "L": 8, "q": 8, "Q": 8, "f": 4, "d": 8}


class array:
    """array(typecode[, initializer]) -> array"""

    def __init__(self, typecode, initializer=None, /):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, not " + type(typecode).__name__)
        self._b = _array.new(typecode)
        self._tc = typecode
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != "u":
                raise TypeError(f"cannot use a str to initialize an array with typecode '{typecode}'")
            self._extend_values(list(initializer))
            return
        if isinstance(initializer, array):
            self._extend_values(initializer.tolist())
        else:
            self._extend_values(list(initializer))

    @property
    def typecode(self):
        return self._tc

    @property
    def itemsize(self):
        return _SIZES[self._tc]

    def _extend_values(self, values):
        b = self._b
        for v in values:
            _array.insert(b, _array.len(b), v)

    def _same(self, other, message):
        if not isinstance(other, array):
            raise TypeError(message % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")

    def append(self, v):
        _array.insert(self._b, _array.len(self._b), v)

    def extend(self, iterable):
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._extend_values(iterable.tolist())
            return
        self._extend_values(list(iterable))

    def fromlist(self, values):
        if not isinstance(values, list):
            raise TypeError("arg must be list")
        n = len(self)
        try:
            self._extend_values(values)
        except BaseException:
            while len(self) > n:
                _array.delete(self._b, len(self) - 1)
            raise

    def tolist(self):
        return _array.tolist(self._b)

    def tounicode(self):
        if self._tc != "u":
            raise ValueError("tounicode() may only be called on unicode type arrays")
        return "".join(self.tolist())

    def fromunicode(self, s):
        if self._tc != "u":
            raise ValueError("fromunicode() may only be called on unicode type arrays")
        if not isinstance(s, str):
            raise TypeError("fromunicode() argument must be str, not " + type(s).__name__)
        self._extend_values(list(s))

    def insert(self, i, v):
        n = len(self)
        if i < 0:
            i = max(0, i + n)
        _array.insert(self._b, min(i, n), v)

    def pop(self, i=-1):
        n = len(self)
        if n == 0:
            raise IndexError("pop from empty array")
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("pop index out of range")
        v = _array.get(self._b, i)
        _array.delete(self._b, i)
        return v

    def remove(self, x):
        for i, v in enumerate(self.tolist()):
            if v == x:
                _array.delete(self._b, i)
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, x, start=0, stop=None):
        values = self.tolist()
        n = len(values)
        if start < 0:
            start = max(0, start + n)
        stop = n if stop is None else (stop + n if stop < 0 else min(stop, n))
        for i in range(start, stop):
            if values[i] == x:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, x):
        return sum(1 for v in self.tolist() if v == x)

    def reverse(self):
        values = self.tolist()
        values.reverse()
        for i, v in enumerate(values):
            _array.set(self._b, i, v)

    def buffer_info(self):
        return (_array.address(self._b), len(self))

    def __len__(self):
        return _array.len(self._b)

    def __iter__(self):
        return iter(self.tolist())

    def __contains__(self, x):
        return x in self.tolist()

    def __getitem__(self, i):
        if isinstance(i, slice):
            return array(self._tc, self.tolist()[i])
        if not isinstance(i, int):
            raise TypeError("array indices must be integers")
        return _array.get(self._b, i)

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            if not isinstance(v, array):
                raise TypeError(f'can only assign array (not "{type(v).__name__}") to array slice')
            if v._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            values = self.tolist()
            new = v.tolist()
            start, stop, step = i.indices(len(values))
            if step != 1:
                positions = list(range(start, stop, step))
                if len(positions) != len(new):
                    raise ValueError(f"attempt to assign array of size {len(new)} to extended slice of size {len(positions)}")
                for p, x in zip(positions, new):
                    _array.set(self._b, p, x)
                return
            values[i] = new
            self._replace(values)
            return
        if not isinstance(i, int):
            raise TypeError("array indices must be integers")
        _array.set(self._b, i, v)

    def __delitem__(self, i):
        if isinstance(i, slice):
            values = self.tolist()
            del values[i]
            self._replace(values)
            return
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("array assignment index out of range")
        _array.delete(self._b, i)

    def _replace(self, values):
        b = _array.new(self._tc)
        for v in values:
            _array.insert(b, _array.len(b), v)
        self._b = b

    def __repr__(self):
        if not len(self):
            return f"array('{self._tc}')"
        if self._tc == "u":
            return f"array('u', {self.tounicode()!r})"
        return f"array('{self._tc}', {self.tolist()!r})"

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self.tolist() == other.tolist()

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self.tolist() != other.tolist()

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self.tolist() < other.tolist()

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self.tolist() <= other.tolist()

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self.tolist() > other.tolist()

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self.tolist() >= other.tolist()

    __hash__ = None

    def __add__(self, other):
        self._same(other, 'can only append array (not "%s") to array')
        return array(self._tc, self.tolist() + other.tolist())

    def __iadd__(self, other):
        self._same(other, 'can only extend array with array (not "%s")')
        self._extend_values(other.tolist())
        return self

    def __mul__(self, n):
        return array(self._tc, self.tolist() * n)

    __rmul__ = __mul__

    def __imul__(self, n):
        self._replace(self.tolist() * n)
        return self

    def __copy__(self):
        return array(self._tc, self.tolist())

    def __deepcopy__(self, memo):
        return array(self._tc, self.tolist())

    def __reduce_ex__(self, proto):
        return (array, (self._tc, self.tolist()))


ArrayType = array
