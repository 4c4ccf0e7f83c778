from collections.abc import Iterable, Sized, Container, Callable, Hashable, Iterator
class A:
    def __iter__(self): return iter(())
class B:
    def __len__(self): return 0
    def __contains__(self, x): return False
class C:
    def __call__(self): return 1
class D:
    def __eq__(self, other): return True
class E:
    __hash__ = None
for cls in (A, B, C, D, E):
    o = cls()
    print(cls.__name__, isinstance(o, Iterable), isinstance(o, Sized), isinstance(o, Container),
          isinstance(o, Callable), isinstance(o, Hashable), isinstance(o, Iterator))
