class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __hash__(self):
        return hash((self.major, self.minor))

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __le__(self, other):
        return self == other or self < other

    def __repr__(self):
        return f"v{self.major}.{self.minor}"

a, b, c = Version(1, 2), Version(1, 10), Version(1, 2)
print(a == c, a != b, a < b, b > a, a <= c, b >= a)
print(sorted([b, a, Version(0, 9)]), max(a, b), min([b, c]))
print(len({a, b, c}), {a: "first", c: "second"})

class NoEq:
    pass

x, y = NoEq(), NoEq()
print(x == x, x == y, x != y)
try:
    x < y
except TypeError as e:
    print(e)
