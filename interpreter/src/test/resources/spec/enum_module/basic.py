from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(list(Color), len(Color), Color(2), Color["BLUE"], Color.RED in Color)
print(Color.RED is Color(1), Color.RED == Color.RED, Color.RED != Color.BLUE, isinstance(Color.RED, Color))
print([c.name for c in Color], {Color.RED: "r"}[Color.RED], type(Color.RED).__name__)
