class Stack(list):
    def push(self, item):
        self.append(item)
        return self

    def peek(self):
        return self[-1] if self else None

    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"


s = Stack()
s.push(1).push(2).push(3)
print(s, len(s), s.peek(), s.pop(), s)
print(isinstance(s, list), type(s).__name__, Stack.__mro__[1].__name__)
s.extend([7, 8])
s += [9]
print(s, s[1:3], type(s[1:3]).__name__, sum(s), sorted(s, reverse=True))
print(s == [1, 2, 7, 8, 9], s.index(7), s.count(2), 8 in s)
s.sort(key=lambda x: -x)
print(s)
t = Stack([5, 6])
print(t + s, type(t + s).__name__, list(reversed(t)))
s.label = "mine"
print(s.label, Stack().peek())


class TypedList(list):
    def __init__(self, kind, items=()):
        super().__init__()
        self.kind = kind
        for item in items:
            self.append(item)

    def append(self, item):
        if not isinstance(item, self.kind):
            raise TypeError(f"expected {self.kind.__name__}, got {type(item).__name__}")
        super().append(item)


tl = TypedList(int, [1, 2, 3])
tl.append(4)
print(tl, tl.kind.__name__)
try:
    tl.append("five")
except TypeError as e:
    print("TypeError:", e)
print(tl)
