class Bag:
    def __init__(self, items=()):
        self.items = list(items)

    def __iadd__(self, other):
        print("  __iadd__")
        self.items.extend(other)
        return self

    def __add__(self, other):
        print("  __add__")
        return Bag(self.items + list(other))

    def __isub__(self, other):
        for x in other:
            self.items.remove(x)
        return self

    def __imul__(self, n):
        self.items *= n
        return self

    def __ior__(self, other):
        self.items = sorted(set(self.items) | set(other))
        return self

    def __repr__(self):
        return f"Bag({self.items})"


b = Bag([1])
alias = b
b += [2, 3]
print(b, alias is b)
b -= [2]
b *= 2
print(b, alias is b)
b |= [9, 1]
print(b)
c = b + [7]
print(c, c is b)


class OnlyAdd:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return OnlyAdd(self.v + other)


x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)
nums = [1, 2]
same = nums
nums += (3,)
print(nums, same is nums)
t = (1,)
u = t
t += (2,)
print(t, u)
counter = {"n": 0}
counter["n"] += 1
counter["n"] **= 3
print(counter)
try:
    x -= 1
except TypeError as e:
    print("TypeError:", e)
