registry = {}
count = 0

def register(name):
    global count
    count += 1
    registry[name] = count

def report():
    return sorted(registry.items()), count

def reset():
    global registry, count
    registry = {}
    count = 0

register("x")
register("y")
print(report())
reset()
register("z")
print(report())

def uses_builtin_shadow():
    len = lambda v: -1
    return len([1, 2])
print(uses_builtin_shadow(), len([1, 2]))
