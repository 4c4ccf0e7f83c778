from enum import Enum, StrEnum, auto
class Method(StrEnum):
    GET = auto()
    POST = "post"
print(Method.GET, repr(Method.GET), Method.POST == "post", Method.GET.upper(), f"{Method.POST}")
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
