class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

s = Stack()
s.push(1)
s.push(2)
print(s, len(s), s.peek(), s.pop(), isinstance(s, list), type(s).__name__)

class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]

d = DefaultDict()
print(d["abc"], d, "abc" in d)

class LoudDict(dict):
    def __setitem__(self, key, value):
        print("set", key)
        super().__setitem__(key, value)

ld = LoudDict()
ld["x"] = 1
print(ld)

class Base(object):
    pass
print(Base.__bases__[0].__name__, isinstance(Base(), object))
