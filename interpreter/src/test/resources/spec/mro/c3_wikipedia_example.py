class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass


def names(cls):
    return " ".join(c.__name__ for c in cls.__mro__)


for cls in (K1, K2, K3, Z):
    print(cls.__name__, ":", names(cls))


class Mixin1:
    def who(self):
        return ["Mixin1"] + super().who()


class Mixin2:
    def who(self):
        return ["Mixin2"] + super().who()


class Root:
    def who(self):
        return ["Root"]


class Leaf(Mixin1, Mixin2, Root):
    def who(self):
        return ["Leaf"] + super().who()


print(Leaf().who(), names(Leaf))
print(Leaf.__mro__.index(Root), len(Leaf.__mro__), Leaf.__mro__[-1] is object)
