"""io for ftpy: StringIO."""


class StringIO:
    def __init__(self, initial_value="", newline="\n"):
        self._value = initial_value
        self._pos = 0

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        self._value = self._value[:self._pos] + s + self._value[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def getvalue(self):
        return self._value

    def read(self, size=-1):
        end = len(self._value) if size is None or size < 0 else min(len(self._value), self._pos + size)
        result = self._value[self._pos:end]
        self._pos = end
        return result

    def readline(self):
        end = self._value.find("\n", self._pos)
        end = len(self._value) if end < 0 else end + 1
        result = self._value[self._pos:end]
        self._pos = end
        return result

    def readlines(self):
        lines = []
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def seek(self, pos, whence=0):
        self._pos = pos
        return pos

    def tell(self):
        return self._pos

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
