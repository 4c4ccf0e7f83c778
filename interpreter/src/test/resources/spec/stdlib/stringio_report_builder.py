import io

buf = io.StringIO()
for i in range(1, 6):
    buf.write("line %d: %s\n" % (i, "*" * i))
n = buf.write("tail without newline")
print(n, buf.tell())
text = buf.getvalue()
print(len(text), text.count("\n"), repr(text[-10:]))
buf.seek(0)
print(repr(buf.readline()), repr(buf.read(8)), buf.tell())
rest = buf.readlines()
print(len(rest), rest[0], rest[-1])
print(repr(buf.read()), repr(buf.readline()))
src = io.StringIO("alpha\nbeta\n\ngamma")
print([line.rstrip("\n") for line in src])
with io.StringIO() as out:
    print("printed", 42, sep="|", file=out)
    print("second", end="!", file=out)
    captured = out.getvalue()
print(repr(captured))
report = io.StringIO()
rows = [("north", 120), ("south", 75), ("east", 210)]
for name, value in rows:
    report.write(f"{name:<8}{value:>6}\n")
report.write("-" * 14 + "\n")
report.write(f"{'total':<8}{sum(v for _, v in rows):>6}\n")
print(report.getvalue(), end="")
s = io.StringIO("abcdef")
s.seek(3)
s.write("XY")
print(s.getvalue())
