from array import array
a = array("i", [1, 2])
for f in [lambda: a[5], lambda: a.__setitem__(5, 1), lambda: array("i").pop(), lambda: a.pop(5),
          lambda: a.remove(9), lambda: a.index(9)]:
    try:
        f()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
