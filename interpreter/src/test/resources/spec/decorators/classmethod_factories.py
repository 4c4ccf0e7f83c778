class Shape:
    registry = []

    def __init__(self, name, sides):
        self.name = name
        self.sides = sides

    @classmethod
    def register(cls, *items):
        for item in items:
            cls.registry.append(item)
        return len(cls.registry)

    @classmethod
    def triangle(cls):
        return cls("triangle", 3)

    @classmethod
    def square(cls):
        return cls("square", 4)

    @staticmethod
    def describe(sides):
        return {3: "three", 4: "four"}.get(sides, "many")

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, {self.sides})"


class Colored(Shape):
    registry = []

    def __init__(self, name, sides, color="red"):
        super().__init__(name, sides)
        self.color = color

    def __repr__(self):
        return super().__repr__() + ":" + self.color


print(Shape.triangle(), Colored.triangle(), Colored.square())
print(Shape.register("a", "b"), Colored.register("c"), Shape.registry, Colored.registry)
print(Shape.describe(3), Colored.describe(4), Shape.square().describe(9))
bound = Colored.triangle
print(bound.__self__ is Colored, bound.__func__ is Shape.triangle.__func__)
sm = Shape.__dict__["describe"]
cm = Shape.__dict__["triangle"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(4))
print(callable(sm), cm.__func__(Colored))


class Counter:
    count = 0

    @classmethod
    def bump(cls):
        cls.count += 1
        return cls.count


class SubCounter(Counter):
    pass


print(Counter.bump(), Counter.bump(), SubCounter.bump(), Counter.count, SubCounter.count)
