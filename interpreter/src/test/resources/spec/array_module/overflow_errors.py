from array import array
cases = [("b", 128), ("b", -129), ("B", 256), ("B", -1), ("h", 1 << 15), ("H", -1), ("H", 1 << 16),
         ("i", 1 << 31), ("i", -(1 << 31) - 1), ("I", 1 << 32), ("I", -1), ("l", 1 << 63), ("L", 1 << 64),
         ("L", -1), ("q", 1 << 63), ("Q", 1 << 64), ("Q", -1)]
for tc, v in cases:
    try:
        array(tc, [v])
    except OverflowError as e:
        print(tc, v, "OverflowError:", e)
a = array("h", [1, 2])
try:
    a[0] = 1 << 20
except OverflowError as e:
    print(e, a)
