from dataclasses import dataclass
@dataclass
class Animal:
    name: str
    legs: int = 4
@dataclass
class Bird(Animal):
    legs: int = 2
    flies: bool = True
print(Bird("tweety"), Animal("rex"), Bird("p", flies=False))
class Custom:
    pass
@dataclass
class WithRepr:
    a: int
    def __repr__(self):
        return "custom!"
print(WithRepr(1))
