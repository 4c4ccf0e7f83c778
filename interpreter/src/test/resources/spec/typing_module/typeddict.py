from typing import TypedDict
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="Blade Runner", year=1982)
print(m, type(m).__name__, m["year"], sorted(Movie.__annotations__), sorted(Movie.__required_keys__))
class Partial(TypedDict, total=False):
    extra: str
print(Partial.__total__, sorted(Partial.__optional_keys__))
