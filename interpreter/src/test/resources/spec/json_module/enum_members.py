import json
from enum import IntEnum, Enum
class Level(IntEnum):
    LOW = 1
    HIGH = 2
print(json.dumps({"level": Level.HIGH, "levels": list(Level)}))
class Color(Enum):
    RED = "r"
try:
    json.dumps(Color.RED)
except TypeError as e:
    print(e)
