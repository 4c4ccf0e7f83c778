# sys.stdout and sys.stderr: write returns the length, print(file=...), writelines, flush, errors.
import sys

sys.stdout.write("hello ")
n = sys.stdout.write("world\n")
print(n, sys.stdout, sys.stderr.name, sys.stdout.isatty() in (True, False))
print("to stderr", file=sys.stderr)
print("flushed", flush=True, file=sys.stdout)
sys.stdout.writelines(["a\n", "b\n"])
sys.stdout.flush()
try:
    sys.stdout.write(5)
except TypeError as e:
    print("TypeError:", e)


def log(*parts, stream=sys.stdout):
    stream.write(" ".join(str(p) for p in parts) + "\n")


log("total", 3, 4.5)
log("warning", "low", stream=sys.stderr)
sys.stderr.write("last line on stderr\n")
