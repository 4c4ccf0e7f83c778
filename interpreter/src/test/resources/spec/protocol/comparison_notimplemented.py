class Num:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print(f"Num.__eq__({self.v})")
        if isinstance(other, Num):
            return self.v == other.v
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, Num):
            return self.v < other.v
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, Num):
            return self.v > other.v
        return NotImplemented

print(Num(1) == Num(1))
print(Num(1) == 1)
print(1 == Num(1))
print(Num(1) < Num(2), Num(3) > Num(2), Num(1) > Num(2))
try:
    Num(1) < 5
except TypeError as e:
    print(e)
print(sorted([Num(3), Num(1), Num(2)], key=lambda n: n.v)[0].v)
