import weakref


class Thing:
    pass


t = Thing()
r1 = weakref.ref(t)
r2 = weakref.ref(t)
print(r1 is r2, r1 == r2, r1() is r2(), weakref.getweakrefcount(t))
print(type(r1).__name__, callable(r1), weakref.ref is type(r1))
other = Thing()
r3 = weakref.ref(other)
print(r1 == r3, r1 != r3, hash(r1) == hash(t))
d = {r1: "first"}
print(d[weakref.ref(t)])
for value in (1, "text", [1, 2], (1,), {"a": 1}, None):
    try:
        weakref.ref(value)
    except TypeError as e:
        print("TypeError:", e)
del t
print(r1(), r1 == r2, weakref.getweakrefcount(other))
try:
    weakref.ref(other, 5)()
except TypeError as e:
    print("TypeError:", e)


class Slotted:
    __slots__ = ("x",)


try:
    weakref.ref(Slotted())
except TypeError as e:
    print("TypeError:", e)
hash(r1)
