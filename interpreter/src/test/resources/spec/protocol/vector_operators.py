class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"

    def __add__(self, other):
        if isinstance(other, Vec):
            return Vec(self.x + other.x, self.y + other.y)
        return NotImplemented

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(self.x * k, self.y * k)
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return NotImplemented

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)

    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)

    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)

    def __pow__(self, n):
        return Vec(self.x ** n, self.y ** n)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    def __invert__(self):
        return Vec(self.y, self.x)

    def __eq__(self, other):
        return isinstance(other, Vec) and (self.x, self.y) == (other.x, other.y)


a, b = Vec(3, 4), Vec(1, -2)
print(a + b, a - b, a * 2, 3 * a, a * b, a / 2, a // 2, a % 2, a ** 2)
print(-a, +a is a, abs(a), ~b, a == Vec(3, 4), a != b)
print(sum([a, b], Vec(0, 0)), 2.5 * b)
for bad in ("a + 1", "a * 'x'", "'x' * a", "1 - a"):
    try:
        eval_result = {"a + 1": lambda: a + 1, "a * 'x'": lambda: a * "x",
                       "'x' * a": lambda: "x" * a, "1 - a": lambda: 1 - a}[bad]()
        print(bad, "=", eval_result)
    except TypeError as e:
        print(bad, "TypeError:", e)
    except AttributeError as e:
        print(bad, "AttributeError:", e)
