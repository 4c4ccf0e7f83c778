"""os for ftpy (POSIX): the process and environment queries of the built-in module posix, and
os.path (posixpath) in Python."""

import sys
import posix
from posix import getpid, getppid, getcwd, cpu_count, sched_getaffinity

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
curdir = "."
pardir = ".."
defpath = "/bin:/usr/bin"
devnull = "/dev/null"

environ = posix.environ

import posixpath as path
sys.modules["os.path"] = path


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ[key] = value


def unsetenv(key):
    environ.pop(key, None)


def fspath(p):
    if isinstance(p, str):
        return p
    fs = getattr(type(p), "__fspath__", None)
    if fs is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(p).__name__)
    return fs(p)


def _enoent(p):
    return FileNotFoundError(2, "No such file or directory")


def listdir(p="."):
    p = fspath(p)
    kind = posix.path_kind(p)
    if kind == 0:
        raise FileNotFoundError(f"[Errno 2] No such file or directory: {p!r}")
    if kind == 1:
        raise NotADirectoryError(f"[Errno 20] Not a directory: {p!r}")
    names = posix.listdir(p)
    if names is None:
        raise PermissionError(f"[Errno 13] Permission denied: {p!r}")
    return names


def sched_setaffinity(pid, mask):
    cpus = set(mask)
    if not cpus:
        raise OSError("[Errno 22] Invalid argument")
    for c in cpus:
        if not isinstance(c, int):
            raise TypeError(f"'{type(c).__name__}' object cannot be interpreted as an integer")
        if c < 0:
            raise ValueError("negative CPU number")


def process_cpu_count():
    return cpu_count()
