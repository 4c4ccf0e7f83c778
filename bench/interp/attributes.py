# Attribute reads and writes on instances, method calls.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def move(self, dx, dy):
        self.x += dx
        self.y += dy


p = Point(0, 0)
acc = 0
for i in range(n):
    p.move(1, -1)
    acc += p.x - p.y
print(acc, p.x, p.y)
