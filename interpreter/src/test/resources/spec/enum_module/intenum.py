from enum import IntEnum
class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10
print(Priority.LOW, repr(Priority.HIGH), Priority.MEDIUM == 5, Priority.LOW < Priority.HIGH, Priority.HIGH > 7)
print(Priority.MEDIUM + 1, sorted([Priority.HIGH, Priority.LOW]), Priority(10), int(Priority.MEDIUM))
print(f"{Priority.LOW}", "%d" % 3, [p.name for p in Priority])
