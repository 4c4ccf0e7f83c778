import copy
t = (1, "a", None, 2.5)
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1])
print(copy.copy({1, 2}), copy.deepcopy(frozenset({3})), copy.copy(len) is len)
d = {"a": [1]}
e = copy.copy(d); e["b"] = 2
print(d, e)
