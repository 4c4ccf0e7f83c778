a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a)
d = {"k": 1}
d["self"] = d
print(d)
nested = [[1, [2, [3, [4]]]], (5, (6,)), {"x": [7]}]
print(nested, str(nested) == repr(nested))
t = ([],)
t[0].append(t)
print(t)
