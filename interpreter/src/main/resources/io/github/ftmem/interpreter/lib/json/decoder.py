"""json.decoder for ftpy: a recursive-descent parser with CPython's error messages."""

__all__ = ["JSONDecoder", "JSONDecodeError"]


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        errmsg = "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


_WS = " \t\n\r"
_CONSTANTS = {"-Infinity": float("-inf"), "Infinity": float("inf"), "NaN": float("nan")}
_BACKSLASH = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None, parse_constant=None,
                 strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, self._skip(s, 0))
        end = self._skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._value(s, idx)
        except _StopIteration as e:
            raise JSONDecodeError("Expecting value", s, e.pos) from None

    def _skip(self, s, i):
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def _value(self, s, i):
        if i >= len(s):
            raise _StopIteration(i)
        c = s[i]
        if c == '"':
            return self._string(s, i + 1)
        if c == "{":
            return self._object(s, i + 1)
        if c == "[":
            return self._array(s, i + 1)
        if c == "n" and s.startswith("null", i):
            return None, i + 4
        if c == "t" and s.startswith("true", i):
            return True, i + 4
        if c == "f" and s.startswith("false", i):
            return False, i + 5
        if c == "N" and s.startswith("NaN", i):
            return self.parse_constant("NaN"), i + 3
        if c == "I" and s.startswith("Infinity", i):
            return self.parse_constant("Infinity"), i + 8
        if c == "-" and s.startswith("-Infinity", i):
            return self.parse_constant("-Infinity"), i + 9
        return self._number(s, i)

    def _number(self, s, i):
        n = len(s)
        j = i
        if j < n and s[j] == "-":
            j += 1
        if j < n and s[j] == "0":
            j += 1
        elif j < n and "1" <= s[j] <= "9":
            while j < n and s[j].isdigit() and s[j] in "0123456789":
                j += 1
        else:
            raise _StopIteration(i)
        is_float = False
        if j + 1 < n and s[j] == "." and s[j + 1] in "0123456789":
            is_float = True
            j += 2
            while j < n and s[j] in "0123456789":
                j += 1
        if j < n and s[j] in "eE":
            k = j + 1
            if k < n and s[k] in "+-":
                k += 1
            if k < n and s[k] in "0123456789":
                while k < n and s[k] in "0123456789":
                    k += 1
                is_float = True
                j = k
        text = s[i:j]
        if is_float:
            return self.parse_float(text), j
        return self.parse_int(text), j

    def _string(self, s, i):
        begin = i - 1
        chunks = []
        n = len(s)
        start = i
        while True:
            if i >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            c = s[i]
            if c == '"':
                chunks.append(s[start:i])
                return "".join(chunks), i + 1
            if c == "\\":
                chunks.append(s[start:i])
                i += 1
                if i >= n:
                    raise JSONDecodeError("Unterminated string starting at", s, begin)
                esc = s[i]
                if esc == "u":
                    uni = self._hex4(s, i + 1, i)
                    i += 5
                    if 0xd800 <= uni <= 0xdbff and s.startswith("\\u", i):
                        uni2 = self._hex4(s, i + 2, i + 1)
                        if 0xdc00 <= uni2 <= 0xdfff:
                            uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                            i += 6
                    chunks.append(chr(uni))
                else:
                    ch = _BACKSLASH.get(esc)
                    if ch is None:
                        raise JSONDecodeError("Invalid \\escape", s, i - 1)
                    chunks.append(ch)
                    i += 1
                start = i
                continue
            if c < " " and self.strict:
                raise JSONDecodeError("Invalid control character at", s, i)
            i += 1

    def _hex4(self, s, i, pos):
        esc = s[i:i + 4]
        if len(esc) == 4 and all(c in "0123456789abcdefABCDEF" for c in esc):
            return int(esc, 16)
        raise JSONDecodeError("Invalid \\uXXXX escape", s, pos)

    def _object(self, s, i):
        pairs = []
        i = self._skip(s, i)
        if i < len(s) and s[i] == "}":
            return self._finish_object(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError("Expecting property name enclosed in double quotes", s, i)
            key, i = self._string(s, i + 1)
            i = self._skip(s, i)
            if i >= len(s) or s[i] != ":":
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self._skip(s, i + 1)
            try:
                value, i = self._value(s, i)
            except _StopIteration as e:
                raise JSONDecodeError("Expecting value", s, e.pos) from None
            pairs.append((key, value))
            i = self._skip(s, i)
            if i < len(s) and s[i] == "}":
                return self._finish_object(pairs), i + 1
            if i >= len(s) or s[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._skip(s, i + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        d = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(d)
        return d

    def _array(self, s, i):
        values = []
        i = self._skip(s, i)
        if i < len(s) and s[i] == "]":
            return values, i + 1
        while True:
            try:
                value, i = self._value(s, i)
            except _StopIteration as e:
                raise JSONDecodeError("Expecting value", s, e.pos) from None
            values.append(value)
            i = self._skip(s, i)
            if i < len(s) and s[i] == "]":
                return values, i + 1
            if i >= len(s) or s[i] != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._skip(s, i + 1)


class _StopIteration(Exception):
    def __init__(self, pos):
        Exception.__init__(self, pos)
        self.pos = pos
