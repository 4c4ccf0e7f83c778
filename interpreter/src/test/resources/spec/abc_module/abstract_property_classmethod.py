from abc import ABC, abstractmethod
class Base(ABC):
    @property
    @abstractmethod
    def name(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
try:
    Base()
except TypeError as e:
    print(e)
class Impl(Base):
    @property
    def name(self): return "impl"
    @classmethod
    def make(cls): return cls()
print(Impl.make().name)
