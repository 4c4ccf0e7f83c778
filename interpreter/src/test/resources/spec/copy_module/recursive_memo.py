import copy
a = [1]
a.append(a)
b = copy.deepcopy(a)
print(b[1] is b, b[1] is a, len(b))
shared = [0]
pair = [shared, shared]
c = copy.deepcopy(pair)
print(c[0] is c[1], c[0] is shared)
