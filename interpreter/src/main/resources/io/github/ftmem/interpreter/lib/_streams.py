"""sys.stdout and sys.stderr for ftpy: text streams over the interpreter's output streams."""
import _ftpyio


class TextIOWrapper:
    def __init__(self, fd, name):
        self._fd = fd
        self.name = name
        self.encoding = "utf-8"

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        return _ftpyio.write(self._fd, s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        _ftpyio.flush(self._fd)

    def fileno(self):
        return self._fd

    def isatty(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return True

    def __repr__(self):
        return f"<_io.TextIOWrapper name='{self.name}' mode='w' encoding='utf-8'>"


stdout = TextIOWrapper(1, "<stdout>")
stderr = TextIOWrapper(2, "<stderr>")
