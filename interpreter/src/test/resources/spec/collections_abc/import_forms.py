import collections
import collections.abc
from collections import abc
from collections.abc import Sequence
print(abc is collections.abc, Sequence is abc.Sequence)
print(isinstance([], collections.abc.MutableSequence), isinstance(collections.deque(), abc.MutableSequence))
print(collections.Counter("aab").most_common(1))
