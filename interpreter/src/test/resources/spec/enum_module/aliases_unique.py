from enum import Enum, unique
class Status(Enum):
    OK = 0
    FINE = 0
    BAD = 1
print(Status.FINE, Status.FINE is Status.OK, list(Status), list(Status.__members__))
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(e)
