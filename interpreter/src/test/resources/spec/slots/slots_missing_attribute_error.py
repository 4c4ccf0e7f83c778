class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


vs = [Vec(3, 4), Vec(1, 1)]
print([v.norm2() for v in vs])
v = Vec(0, 0)
v.x = 2
print(v.norm2())
v.z = 1
