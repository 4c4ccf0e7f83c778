words = ["alpha", "Beta", "gamma delta", "  padded  "]
for w in words:
    print(repr(w.center(15, "*")), repr(w.ljust(12, ".")), repr(w.rjust(12)), w.zfill(8), w.title(), w.swapcase())
print("42".zfill(6), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2))
print("a,b,,c".split(","), "a b  c".split(), "k=v=w".partition("="), "k=v=w".rpartition("="))
print("Hello World".replace("o", "0", 1), "tab\tsep".expandtabs(4) if hasattr(str, "expandtabs") else "tab sep")
print(", ".join("%s=%r" % kv for kv in sorted({"b": 2, "a": "x"}.items())))
print("{}-{}".format(*"ab"), "{a}{b}".format(**{"a": 1, "b": 2}), str.format("{0}{0}", "z"))
template = "Dear {name}, you owe ${amount:,.2f} (due {due})."
print(template.format(name="Ann", amount=1234.5, due="May 1"))
print("%s has %d items totalling %.1f%%" % ("cart", 3, 99.5))
lines = ["%3d: %s" % (i, s) for i, s in enumerate("xyz", 1)]
print("\n".join(lines))
print("|{:^9}|{:^10}|".format("odd", "even"), "|%-6s|%6s|" % ("l", "r"))


class Defaulting(dict):
    def __missing__(self, key):
        return "<" + key + ">"


print("{name} is {age} in {city}".format_map(Defaulting(name="Ann", age=30)))
print("{0[a]} {0[b]:>4}".format({"a": "x", "b": 7}), "{x.real:+}".format(x=5))
