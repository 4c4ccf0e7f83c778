# Class-heavy: many small objects, inheritance, dunder methods, properties.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000


class Shape:
    def __init__(self, size):
        self.size = size

    def area(self):
        return 0

    def __lt__(self, other):
        return self.area() < other.area()


class Square(Shape):
    def area(self):
        return self.size * self.size


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__(w)
        self.h = h

    @property
    def height(self):
        return self.h

    def area(self):
        return self.size * self.height


shapes = [Square(i % 97) if i % 2 else Rect(i % 89, i % 7) for i in range(n)]
print(sum(s.area() for s in shapes), min(shapes).area(), max(shapes).area())
