from abc import ABCMeta, abstractmethod
class Drawable(metaclass=ABCMeta):
    @abstractmethod
    def draw(self): pass
class Circle:
    def draw(self): return "circle"
print(isinstance(Circle(), Drawable))
Drawable.register(Circle)
print(isinstance(Circle(), Drawable), issubclass(Circle, Drawable))
@Drawable.register
class Line:
    pass
print(issubclass(Line, Drawable), isinstance(3, Drawable))
class Real(Drawable):
    def draw(self): return "real"
print(Real().draw(), issubclass(Real, Drawable))
