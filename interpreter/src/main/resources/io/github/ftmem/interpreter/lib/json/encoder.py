"""json.encoder for ftpy."""

import sys as _sys

INFINITY = float("inf")

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def py_encode_basestring(s):
    out = ['"']
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif c < " ":
            out.append("\\u%04x" % ord(c))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def py_encode_basestring_ascii(s):
    out = ['"']
    for c in s:
        e = _ESCAPES.get(c)
        if e is not None:
            out.append(e)
        elif c < " " or c > "~":
            n = ord(c)
            if n < 0x10000:
                out.append("\\u%04x" % n)
            else:
                n -= 0x10000
                out.append("\\u%04x\\u%04x" % (0xd800 | ((n >> 10) & 0x3ff), 0xdc00 | (n & 0x3ff)))
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


_NOT_ENUM = object()


def _enum_value(o):
    """The value of an IntEnum/IntFlag/StrEnum member (CPython encodes them as their int or str: they
    subclass int or str there; ftpy's emulate it), else _NOT_ENUM."""
    mod = _sys.modules.get("enum")
    if mod is not None and isinstance(o, (mod._IntLike, mod.StrEnum)):
        return o._value_
    return _NOT_ENUM


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
                 sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")

    def encode(self, o):
        if isinstance(o, str):
            return (encode_basestring_ascii if self.ensure_ascii else encode_basestring)(o)
        return "".join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        chunks = []
        markers = {} if self.check_circular else None
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self._encode(o, chunks, markers, indent, 0)
        return chunks

    def _float(self, o):
        if o != o:
            text = "NaN"
        elif o == INFINITY:
            text = "Infinity"
        elif o == -INFINITY:
            text = "-Infinity"
        else:
            return repr(float(o))
        if not self.allow_nan:
            raise ValueError("Out of range float values are not JSON compliant")
        return text

    def _str(self, s):
        return (encode_basestring_ascii if self.ensure_ascii else encode_basestring)(s)

    def _encode(self, o, out, markers, indent, level):
        if isinstance(o, str):
            out.append(self._str(o))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(repr(int(o)) if type(o) is not int else repr(o))
        elif isinstance(o, float):
            out.append(self._float(o))
        elif isinstance(o, (list, tuple)):
            self._list(o, out, markers, indent, level)
        elif isinstance(o, dict):
            self._dict(o, out, markers, indent, level)
        elif _enum_value(o) is not _NOT_ENUM:
            self._encode(_enum_value(o), out, markers, indent, level)
        else:
            if markers is not None:
                key = id(o)
                if key in markers:
                    raise ValueError("Circular reference detected")
                markers[key] = o
            self._encode(self.default(o), out, markers, indent, level)
            if markers is not None:
                del markers[id(o)]

    def _enter(self, o, markers):
        if markers is not None:
            key = id(o)
            if key in markers:
                raise ValueError("Circular reference detected")
            markers[key] = o

    def _list(self, o, out, markers, indent, level):
        if not o:
            out.append("[]")
            return
        self._enter(o, markers)
        out.append("[")
        if indent is not None:
            level += 1
            newline = "\n" + indent * level
            sep = self.item_separator + newline
            out.append(newline)
        else:
            sep = self.item_separator
            newline = None
        first = True
        for v in o:
            if not first:
                out.append(sep)
            first = False
            self._encode(v, out, markers, indent, level)
        if newline is not None:
            level -= 1
            out.append("\n" + indent * level)
        out.append("]")
        if markers is not None:
            del markers[id(o)]

    def _dict(self, o, out, markers, indent, level):
        if not o:
            out.append("{}")
            return
        self._enter(o, markers)
        out.append("{")
        if indent is not None:
            level += 1
            newline = "\n" + indent * level
            sep = self.item_separator + newline
            out.append(newline)
        else:
            sep = self.item_separator
            newline = None
        items = list(o.items())
        if self.sort_keys:
            items = sorted(items, key=lambda kv: kv[0])
        first = True
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = self._float(k)
            elif k is True:
                k = "true"
            elif k is False:
                k = "false"
            elif k is None:
                k = "null"
            elif isinstance(k, int):
                k = repr(int(k))
            elif self.skipkeys:
                continue
            else:
                raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")
            if not first:
                out.append(sep)
            first = False
            out.append(self._str(k))
            out.append(self.key_separator)
            self._encode(v, out, markers, indent, level)
        if newline is not None:
            level -= 1
            out.append("\n" + indent * level)
        out.append("}")
        if markers is not None:
            del markers[id(o)]
