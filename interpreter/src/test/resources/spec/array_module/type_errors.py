from array import array
for tc, v in [("i", 1.5), ("i", "x"), ("d", "x"), ("f", None), ("b", [1])]:
    try:
        array(tc, [v])
    except TypeError as e:
        print(tc, repr(v), "TypeError:", e)
for args in [("z",), ("b", "ab")]:
    try:
        array(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
a = array("i", [1, 2])
for f in [lambda: a + array("d"), lambda: a.extend(array("d", [1])), lambda: a + [1]]:
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
