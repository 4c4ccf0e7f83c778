from array import array
import copy
a = array("h", [1, 2])
b = a + array("h", [3])
b += array("h", [4])
print(b, a * 2, 2 * a, a == array("h", [1, 2]), a == array("d", [1.0, 2.0]), a < b, a != b)
c = copy.copy(b); d = copy.deepcopy(b)
b[0] = 100
print(c, d, b)
b *= 2
print(b, len(b))
