from typing import List, Dict, Set, DefaultDict, Deque, Counter
print(DefaultDict(int)["x"], Counter("abca")["a"])
d = Deque([1, 2])
d.appendleft(0)
print(list(d))
for alias in (List, Dict[str, int], Set[int]):
    try:
        alias()
    except TypeError as e:
        print(e)
try:
    List[int, str]
except TypeError as e:
    print(e)
