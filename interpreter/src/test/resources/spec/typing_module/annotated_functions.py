from typing import List, Dict, Optional, Iterable, Callable
def total(xs: Iterable[int], start: int = 0) -> int:
    return sum(xs, start)
def index(words: List[str]) -> Dict[str, List[int]]:
    out: Dict[str, List[int]] = {}
    for i, w in enumerate(words):
        out.setdefault(w, []).append(i)
    return out
def find(d: Dict[str, int], k: str) -> Optional[int]:
    return d.get(k)
def apply(f: Callable[[int], int], x: int) -> int:
    return f(x)
print(total([1, 2, 3], 10), index(["a", "b", "a"]), find({"x": 1}, "y"), apply(lambda v: v * 2, 21))
