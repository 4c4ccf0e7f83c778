from typing import TypeVar, Generic, List, Optional
T = TypeVar("T")
K = TypeVar("K", bound=str)
V_co = TypeVar("V_co", covariant=True)
N = TypeVar("N", int, float)
print(T, K, V_co, N, T.__name__, N.__constraints__, K.__bound__)
class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None
s = Stack[int]()
s.push(1); s.push(2)
print(s.pop(), s.pop(), s.pop(), type(s).__name__, Stack[int])
class Pair(Generic[K, T]):
    def __init__(self, k, v): self.k, self.v = k, v
print(Pair("a", 1).k, Pair[str, int]("b", 2).v)
