def ratio(a, b):
    return a / b

values = [(4, 2), (1, 0)]
for a, b in values:
    print(ratio(a, b))
