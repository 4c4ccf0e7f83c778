class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
    def __repr__(self):
        return f"Key({self.name!r})"

d = {Key("A"): 1}
d[Key("a")] = 2
print(d, len(d), Key("A") in d)
s = {Key("x"), Key("X"), Key("y")}
print(len(s))

class Unhashable:
    def __eq__(self, other):
        return True
print(Unhashable.__hash__)
try:
    {Unhashable(): 1}
except TypeError as e:
    print(e)
