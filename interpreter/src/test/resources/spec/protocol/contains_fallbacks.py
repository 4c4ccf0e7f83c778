class WithContains:
    def __contains__(self, item):
        print("  __contains__", item)
        return item % 2 == 0


class WithIter:
    def __iter__(self):
        print("  __iter__")
        return iter([1, 2, 3])


class WithGetitem:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError(i)
        return i * i


print(4 in WithContains(), 3 in WithContains(), 3 not in WithContains())
print(2 in WithIter(), 5 in WithIter())
print(9 in WithGetitem(), 10 in WithGetitem(), list(WithGetitem()))


class Truthy:
    def __contains__(self, item):
        return "yes"


print("x" in Truthy(), [1, 2] in [[1, 2]], (1,) in {(1,): 0}, "ab" in "cabd")
try:
    1 in object()
except TypeError as e:
    print("TypeError:", e)
try:
    [] in {}
except TypeError as e:
    print("TypeError:", e)
try:
    1 in "abc"
except TypeError as e:
    print("TypeError:", e)
