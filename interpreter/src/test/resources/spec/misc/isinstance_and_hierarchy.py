class Shape: pass
class Circle(Shape): pass
class Square(Shape): pass
items = [Circle(), Square(), Shape(), 3, "s", [1], None, True]
for it in items:
    print(type(it).__name__, isinstance(it, Shape), isinstance(it, (int, str)), isinstance(it, object))
print(issubclass(Circle, (Square, Shape)), issubclass(bool, (str,)), issubclass(Shape, Shape))
print(type(True) is bool, type(1) is int, isinstance(1.0, float), isinstance(1, float))
try:
    isinstance(1, 2)
except TypeError as e:
    print(e)
