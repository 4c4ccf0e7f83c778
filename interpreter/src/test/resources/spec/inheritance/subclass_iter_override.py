# A list subclass that overrides __iter__ is iterated through it by every consumer of iterables;
# one that does not override it iterates like a list.
class Odd(list):
    def __iter__(self):
        return iter([self[i] for i in range(len(self)) if self[i] % 2])


class Plain(list):
    pass


odd = Odd([1, 2, 3, 4, 5])
plain = Plain([3, 1, 2])
a = [0]
a.extend(odd)
print(a)
print(tuple(odd), sorted(odd, reverse=True), list(odd), sum(odd))
print([x * 10 for x in odd], set(odd) == {1, 3, 5})
print(sorted(plain), tuple(plain), len(odd))
for x in odd:
    print("item", x)
b = [9]
b.extend(plain)
print(b)
