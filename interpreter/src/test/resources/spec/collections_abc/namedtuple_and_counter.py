from collections import namedtuple, Counter, OrderedDict, defaultdict, deque
from collections.abc import Mapping, MutableMapping, Sequence, Iterable
P = namedtuple("P", "x y")
print(isinstance(Counter(), Mapping), isinstance(OrderedDict(), MutableMapping), isinstance(defaultdict(int), MutableMapping))
print(isinstance(deque(), Sequence), isinstance(P(1, 2), Iterable))
