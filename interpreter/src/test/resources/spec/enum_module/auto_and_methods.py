from enum import Enum, auto
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.gravity, 3))
class Step(Enum):
    ONE = auto()
    TWO = auto()
    THREE = auto()
    def next(self):
        members = list(Step)
        return members[(members.index(self) + 1) % len(members)]
print([s.value for s in Step], Step.TWO.next(), Step.THREE.next())
