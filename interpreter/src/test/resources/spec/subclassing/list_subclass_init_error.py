class Bounded(list):
    def __init__(self, limit, items=()):
        super().__init__(items)
        self.limit = limit
        if len(self) > limit:
            raise ValueError(f"{len(self)} items exceed the limit {limit}")

    def append(self, item):
        if len(self) >= self.limit:
            raise OverflowError("bounded list is full")
        super().append(item)


b = Bounded(3, [1, 2])
b.append(3)
print(b, b.limit)
try:
    b.append(4)
except OverflowError as e:
    print("OverflowError:", e)
print(len(b), b[-1], b * 2)
b.extend([4, 5])
print(b, "extend bypasses append")
Bounded(1, "abc")
