class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k

double = Multiplier(2)
print(double(21), callable(double), list(map(double, [1, 2])))

class Lazy:
    def __init__(self):
        self.real = "real attribute"
    def __getattr__(self, name):
        if name.startswith("x_"):
            return f"computed {name}"
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

l = Lazy()
print(l.real, l.x_value, getattr(l, "x_other"), hasattr(l, "y"))

class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n

print(bool(Sized(0)), bool(Sized(2)), len(Sized(5)))
if not Sized(0):
    print("empty by __len__")

class Flag:
    def __bool__(self):
        return False
print(bool(Flag()), "yes" if Flag() else "no", not Flag())
