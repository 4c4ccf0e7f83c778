from enum import Flag, Enum
class Color(Flag):
    RED = 1
    GREEN = 2
class Plain(Enum):
    A = 1
try:
    1 in Color.RED
except TypeError as e:
    print("TypeError")
print(Color(3), Color.RED | Color.GREEN == Color(3), len(Color(3)))
