from enum import Enum
class Shape(Enum):
    CIRCLE = "c"
    SQUARE = "s"
try:
    Shape("x")
except ValueError as e:
    print(e)
try:
    Shape["TRIANGLE"]
except KeyError as e:
    print("KeyError", e)
print(Shape("c"), Shape.SQUARE.value)
