class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __eq__(self, other):
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)

    def __hash__(self):
        return hash((self.a, self.b))

    def __repr__(self):
        return f"Key({self.a}, {self.b})"


d = {Key(1, 2): "x"}
d[Key(1, 2)] = "y"
d[Key(2, 1)] = "z"
print(d, len(d), Key(1, 2) in d, hash(Key(1, 2)) == hash((1, 2)))
print(len({Key(0, 0), Key(0, 0), Key(0, 1)}))


class EqOnly:
    def __eq__(self, other):
        return True


print(EqOnly.__hash__ is None)
for value in ([1], {"a": 1}, {1}, EqOnly()):
    try:
        hash(value)
    except TypeError as e:
        print("TypeError:", e)
try:
    {[1, 2]: "list key"}
except TypeError as e:
    print("TypeError:", e)
try:
    {1, 2, {3}}
except TypeError as e:
    print("TypeError:", e)


class ConstHash:
    def __hash__(self):
        return 42


print(hash(ConstHash()), hash(-1), hash(True), hash(2**61 - 1), hash(2**61), hash(1.5), hash((1, "a")) == hash((1, "a")))
print(frozenset([1, 2]) in {frozenset([2, 1]): 1}, hash(frozenset()) == hash(frozenset()))
s = set()
s.add(Key(3, 4))
print(Key(3, 4) in s)
s.add(EqOnly())
