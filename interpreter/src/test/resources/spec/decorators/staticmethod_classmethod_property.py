class Temperature:
    scale = "C"

    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @staticmethod
    def convert(c):
        return c * 9 / 5 + 32

    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)

t = Temperature(100)
print(t.celsius, t.fahrenheit, Temperature.convert(0), t.convert(10))
t.celsius = 25
print(t.celsius, t.fahrenheit)
u = Temperature.from_fahrenheit(212)
print(type(u).__name__, u.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print(e)
print(type(Temperature.__dict__["convert"]).__name__, type(Temperature.__dict__["celsius"]).__name__)
