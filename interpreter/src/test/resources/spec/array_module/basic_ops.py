from array import array
a = array("i", [3, 1, 4, 1, 5])
print(a, len(a), a[0], a[-1], a.typecode, a.itemsize)
a.append(9); a.extend([2, 6]); a.insert(0, 7); a.insert(-1, 8); a.insert(100, 0)
print(a, a.pop(), a.pop(0), a.count(1), a.index(4))
a.remove(1); a.reverse()
print(a, a.tolist(), 5 in a, 42 in a, list(a), sum(a))
print(array("d"), array("f", [0.1, 2.5]), array("d", [1, 2.5]), array("B", range(5)))
