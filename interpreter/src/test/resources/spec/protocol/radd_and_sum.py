class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented

    def __radd__(self, other):
        print("  __radd__ with", type(other).__name__)
        return self.__add__(other)

    def __rsub__(self, other):
        return Money(other - self.cents)

    def __repr__(self):
        return "$%d.%02d" % divmod(self.cents, 100)


wallet = [Money(150), Money(275), Money(5)]
print(sum(wallet))
print(sum(wallet, Money(1000)))
print(10 + Money(1), Money(1) + 10, 500 - Money(1))
try:
    print(1.5 + Money(1))
except TypeError as e:
    print("TypeError:", e)


class Left:
    def __add__(self, other):
        print("  Left.__add__")
        return NotImplemented


class Right:
    def __radd__(self, other):
        print("  Right.__radd__")
        return "right wins"


class SubRight(Left):
    def __radd__(self, other):
        print("  SubRight.__radd__")
        return "subclass reflected first"


print(Left() + Right())
print(Left() + SubRight())
try:
    Left() + Left()
except TypeError as e:
    print("TypeError:", e)
