class Base:
    def __init__(self):
        print("Base.__init__")
        self.trail = ["Base"]

    def hello(self):
        return "Base"


class Left(Base):
    def __init__(self):
        print("Left.__init__ before super")
        super().__init__()
        self.trail.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        print("Right.__init__ before super")
        super().__init__()
        self.trail.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Bottom(Left, Right):
    def __init__(self):
        print("Bottom.__init__ before super")
        super().__init__()
        self.trail.append("Bottom")

    def hello(self):
        return "Bottom>" + super().hello()


b = Bottom()
print(b.trail)
print(b.hello())
print([c.__name__ for c in Bottom.__mro__])
print([c.__name__ for c in Bottom.mro()])
print(super(Left, b).hello(), super(Right, b).hello())
print(Left.hello(b), Right.hello(b))
print(isinstance(b, Right), issubclass(Bottom, Base), Bottom.__bases__)
