class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts == other.parts

    def __lt__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return self.parts < other.parts

    def __le__(self, other):
        return self == other or self < other

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))

    __hash__ = None


vs = [Version(t) for t in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), min(vs), max(vs))
print(Version("1.0") == Version("1.0"), Version("1.0") != Version("1.1"))
print(Version("2.0") > Version("1.5"), Version("1.5") >= Version("1.5"))
print(Version("1.0") == "1.0", Version("1.0") != "1.0")


class Loud:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print(f"  {self.name}.__eq__")
        return NotImplemented

    def __gt__(self, other):
        print(f"  {self.name}.__gt__")
        return NotImplemented

    def __lt__(self, other):
        print(f"  {self.name}.__lt__")
        return NotImplemented


a, b = Loud("a"), Loud("b")
print(a == b)
print(a == a)
print(a != b)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)


