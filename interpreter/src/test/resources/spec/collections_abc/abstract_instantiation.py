from collections.abc import Mapping, Iterator
class Half(Mapping):
    def __getitem__(self, k): return k
try:
    Half()
except TypeError as e:
    print(e)
class Count(Iterator):
    def __init__(self): self.i = 0
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(Count()), isinstance(Count(), Iterator))
