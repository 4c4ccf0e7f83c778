from abc import ABC, abstractmethod
class Plugin(ABC):
    @abstractmethod
    def run(self): ...
print("before")
Plugin()
