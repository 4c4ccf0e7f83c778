transform = lambda v: 10 / v
values = [5, 2, 0]
print([transform(v) for v in values[:2]])
print(list(map(transform, values)))
