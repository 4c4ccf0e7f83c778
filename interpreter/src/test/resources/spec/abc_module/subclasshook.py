from abc import ABC, abstractmethod
class Closeable(ABC):
    @abstractmethod
    def close(self): ...
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Closeable:
            return any("close" in B.__dict__ for B in C.__mro__)
        return NotImplemented
class File:
    def close(self): pass
class Rock:
    pass
print(isinstance(File(), Closeable), isinstance(Rock(), Closeable), issubclass(File, Closeable))
