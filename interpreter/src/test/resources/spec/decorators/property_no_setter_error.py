class Circle:
    def __init__(self, r):
        self._r = r

    @property
    def radius(self):
        return self._r

    @property
    def diameter(self):
        return 2 * self._r

    @diameter.setter
    def diameter(self, d):
        self._r = d / 2


c = Circle(3)
print(c.radius, c.diameter)
c.diameter = 10
print(c.radius, c.diameter)
print(Circle.diameter.fset is not None, Circle.radius.fset)
c.radius = 7
print("unreachable")
