from dataclasses import dataclass, field
from enum import Enum, IntEnum, auto
class Suit(IntEnum):
    CLUBS = auto()
    HEARTS = auto()
class Kind(Enum):
    A = "a"
    B = "b"
@dataclass(order=True)
class Card:
    suit: Suit
    rank: int
    kind: Kind = field(default=Kind.A, compare=False)
cards = [Card(Suit.HEARTS, 2), Card(Suit.CLUBS, 10), Card(Suit.HEARTS, 1, Kind.B)]
print(sorted(cards))
print(max(cards).suit.name, {c.kind for c in cards} == {Kind.A, Kind.B}, Kind("b"), Suit(1).name)
