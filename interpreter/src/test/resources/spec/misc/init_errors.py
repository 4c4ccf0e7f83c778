class BadInit:
    def __init__(self):
        return 5

try:
    BadInit()
except TypeError as e:
    print(e)

class Strict:
    def __init__(self, value):
        if value < 0:
            raise ValueError("value must be non-negative")
        self.value = value

print(Strict(3).value)
try:
    Strict(-1)
except ValueError as e:
    print(e)
try:
    Strict()
except TypeError as e:
    print(e)
o = object()
print(type(o).__name__, isinstance(o, object))
try:
    o.x = 1
except AttributeError as e:
    print(e)
