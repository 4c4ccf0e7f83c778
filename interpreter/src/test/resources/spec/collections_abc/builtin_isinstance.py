from collections.abc import (Iterable, Iterator, Sized, Container, Collection, Sequence,
    MutableSequence, Mapping, MutableMapping, Set, MutableSet, Hashable, Callable, Generator, Reversible)
samples = [[1], (1,), "s", {1: 2}, {1}, frozenset(), range(2), iter([]), (x for x in []), 5, None, len]
names = ["list", "tuple", "str", "dict", "set", "frozenset", "range", "list_iterator", "generator", "int", "None", "len"]
for abc in (Iterable, Iterator, Sized, Container, Collection, Sequence, MutableSequence, Mapping,
            MutableMapping, Set, MutableSet, Hashable, Callable, Generator, Reversible):
    print(abc.__name__, [n for n, s in zip(names, samples) if isinstance(s, abc)])
