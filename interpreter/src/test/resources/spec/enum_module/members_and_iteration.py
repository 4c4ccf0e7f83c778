from enum import Enum
class Weekday(Enum):
    MON = 1
    TUE = 2
    WED = 3
    def is_first(self):
        return self is Weekday.MON
    @classmethod
    def first(cls):
        return cls.MON
for day in Weekday:
    print(day.name, day.value, day.is_first())
print(Weekday.first(), dict((k, v.value) for k, v in Weekday.__members__.items()))
print(list(reversed([d.name for d in Weekday])))
