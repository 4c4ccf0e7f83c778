class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        print("__add__")
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented

    def __radd__(self, other):
        print("__radd__")
        return self.__add__(other)

    def __iadd__(self, other):
        print("__iadd__")
        self.cents += other if isinstance(other, int) else other.cents
        return self

    def __repr__(self):
        return f"Money({self.cents})"

m = Money(100)
print(m + 5)
print(5 + m)
print(sum([Money(1), Money(2)], 0))
before = m
m += 50
print(m, m is before)

class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return OnlyAdd(self.v + other)
    def __repr__(self):
        return f"OnlyAdd({self.v})"

o = OnlyAdd(1)
keep = o
o += 2
print(o, keep, o is keep)
