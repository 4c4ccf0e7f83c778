from collections.abc import Sequence, MutableSequence
class Span(Sequence):
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * 10
s = Span(4)
print(list(s), 20 in s, 25 in s, s.index(30), s.count(10), list(reversed(s)))
try:
    s.index(99)
except ValueError:
    print("ValueError")
class Stack(MutableSequence):
    def __init__(self):
        self.items = []
    def __len__(self): return len(self.items)
    def __getitem__(self, i): return self.items[i]
    def __setitem__(self, i, v): self.items[i] = v
    def __delitem__(self, i): del self.items[i]
    def insert(self, i, v): self.items.insert(i, v)
st = Stack()
st.append(1); st.extend([2, 3]); st += [4]
print(st.items, st.pop(), st.pop(0), st.items)
st.reverse(); st.remove(3)
print(st.items, isinstance(st, Sequence))
