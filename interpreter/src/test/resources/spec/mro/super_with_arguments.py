class Shape:
    def __init__(self, name, **kwargs):
        self.name = name
        self.extra = kwargs
        super().__init__()

    def area(self):
        return 0

    def describe(self):
        return f"{self.name} area={self.area()}"


class Colored:
    def __init__(self, color="black", **kwargs):
        self.color = color
        super().__init__(**kwargs)

    def describe(self):
        return super().describe() + f" color={self.color}"


class Rect(Colored, Shape):
    def __init__(self, w, h, **kwargs):
        self.w, self.h = w, h
        super().__init__(name="rect", **kwargs)

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side, **kwargs):
        super().__init__(side, side, **kwargs)

    def area(self):
        return super().area()


r = Rect(2, 3, color="red")
s = Square(4)
print(r.describe(), r.extra)
print(s.describe(), s.color, [c.__name__ for c in type(s).__mro__])


class Counter:
    def __init__(self):
        self.calls = []

    def step(self, n):
        self.calls.append(("Counter", n))
        return n


class Doubler(Counter):
    def step(self, n):
        self.calls.append(("Doubler", n))
        return super().step(n * 2)


class Adder(Counter):
    def step(self, n):
        self.calls.append(("Adder", n))
        return super(Adder, self).step(n + 1)


class Both(Doubler, Adder):
    pass


b = Both()
print(b.step(5), b.calls)


class WithClassmethod(Counter):
    @classmethod
    def make(cls):
        obj = cls()
        obj.calls.append(("made", cls.__name__))
        return obj


print(WithClassmethod.make().calls)
