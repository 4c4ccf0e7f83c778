from typing import Protocol, runtime_checkable, NewType, TypeVar, Generic
class Greeter(Protocol):
    def greet(self) -> str: ...
class En:
    def greet(self) -> str: return "hi"
def welcome(g: Greeter) -> str:
    return g.greet() + "!"
print(welcome(En()))
UserId = NewType("UserId", int)
print(UserId(5), type(UserId(5)).__name__, UserId.__name__, UserId.__supertype__)
