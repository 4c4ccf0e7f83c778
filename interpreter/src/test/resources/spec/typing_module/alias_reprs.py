from typing import (List, Dict, Set, FrozenSet, Tuple, Optional, Union, Any, Callable, Iterable,
    Iterator, Sequence, Mapping, Type, Deque, DefaultDict)
print(List, List[int], Dict[str, int], Set[float], FrozenSet[str], Tuple[int, str], Tuple[int, ...])
print(Optional[str], Union[int, str], Union[int, None], Union[int, str, None], Union[int, int], Any)
print(Callable[[int, str], bool], Callable[..., int], Iterable[int], Iterator[str], Sequence[List[int]])
print(Mapping[str, Optional[int]], Type[int], Deque[int], DefaultDict[str, List[int]])
print(List[int] == List[int], Union[int, str] == Union[str, int], Optional[int] == Union[None, int])
