import functools


@functools.total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents < other.cents

    def __repr__(self):
        return f"Money({self.cents})"


a, b, c = Money(100), Money(250), Money(100)
print(a < b, a <= c, a > b, b >= a, a >= c, b > c, a != b, a == c)
print(sorted([b, a, Money(5)]), max(a, b), min([b, c]))
print(Money.__gt__.__name__, Money.__le__.__name__, "__ge__" in vars(Money))


@functools.total_ordering
class Grade:
    order = "FDCBA"

    def __init__(self, letter):
        self.letter = letter

    def __eq__(self, other):
        return self.letter == other.letter

    def __gt__(self, other):
        return Grade.order.index(self.letter) > Grade.order.index(other.letter)


grades = [Grade(x) for x in "CAFB"]
print([g.letter for g in sorted(grades)], Grade("A") >= Grade("B"), Grade("D") <= Grade("F"), Grade("C") < Grade("B"))
try:
    Money(1) < 5
except TypeError as e:
    print("TypeError:", e)
try:
    @functools.total_ordering
    class Unordered:
        pass
except ValueError as e:
    print("ValueError:", e)
