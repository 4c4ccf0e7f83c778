from array import array, typecodes
print(typecodes)
for tc in "bBhHiIlLqQfd":
    a = array(tc, [1, 2])
    print(tc, a.itemsize, a, a.buffer_info()[1])
print(array("Q", [2**64 - 1]), array("q", [-2**63]), array("L", [2**63]), array("b", [-128, 127]))
