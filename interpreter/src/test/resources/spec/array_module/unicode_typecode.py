from array import array
a = array("u", "héllo")
print(a, a[1], len(a), a.tounicode(), a.itemsize)
a.fromunicode("!")
print(a, array("u"), array("u", ["a", "b"]), a[1:3])
for f in [lambda: a.append(3), lambda: a.append("ab"), lambda: array("i").tounicode(), lambda: array("i").fromunicode("x")]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
