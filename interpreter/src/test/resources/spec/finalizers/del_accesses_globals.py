import gc

registry = {}
events = []


class Entry:
    def __init__(self, key, value):
        self.key = key
        self.value = value
        registry[key] = self.value

    def __del__(self):
        events.append("del " + self.key)
        registry.pop(self.key, None)


class Owner:
    def __init__(self):
        self.entries = [Entry("a", 1), Entry("b", 2)]

    def __del__(self):
        events.append("del owner with %d entries" % len(self.entries))


o = Owner()
print(sorted(registry.items()))
del o
print(events, registry)
events.clear()
p = Owner()
p.self_ref = p
del p
print("before collect", events)
print(gc.collect() > 0, events, registry)


class Child:
    def __init__(self, parent):
        self.parent = parent

    def __del__(self):
        events.append("child sees parent " + self.parent.name)


class Parent:
    def __init__(self, name):
        self.name = name
        self.child = Child(self)

    def __del__(self):
        events.append("parent " + self.name)


events.clear()
q = Parent("P")
del q
gc.collect()
print(sorted(events))
