class Empty:
    pass


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        print("  __len__", self.n)
        return self.n


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        print("  __bool__", self.on)
        return self.on

    def __len__(self):
        return 99


print(bool(Empty()), bool(Sized(0)), bool(Sized(2)), bool(Flag(False)), len(Flag(False)))
if Sized(0) or Flag(True):
    print("one of them is true")
print(not Sized(3), [x.n for x in [Sized(0), Sized(1), Sized(2)] if x])
while Sized(0):
    print("never")
print(Sized(1) and "and-result", bool(Sized(0) and "unused"))
print(any([Sized(0), Flag(False)]), all([Sized(1), Flag(True)]))


class BadBool:
    def __bool__(self):
        return 1


class BadLen:
    def __len__(self):
        return -1


class FloatLen:
    def __len__(self):
        return 2.0


for obj in (BadBool(), BadLen(), FloatLen()):
    try:
        print(bool(obj))
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    len(FloatLen())
except TypeError as e:
    print("TypeError:", e)
print(len(Sized(7)))
