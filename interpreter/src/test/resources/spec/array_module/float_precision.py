from array import array
f = array("f", [0.1, 1 / 3, 1e38, 16777217])
d = array("d", [0.1, 1 / 3, 1e308, 16777217])
print(f)
print(d)
print([round(v, 6) for v in f], f[1] == 1 / 3, d[1] == 1 / 3)
