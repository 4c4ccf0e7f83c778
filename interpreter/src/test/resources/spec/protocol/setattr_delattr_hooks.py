class Frozen:
    def __init__(self, **fields):
        for k, v in fields.items():
            object.__setattr__(self, k, v)
        object.__setattr__(self, "_frozen", True)

    def __setattr__(self, name, value):
        if getattr(self, "_frozen", False):
            raise AttributeError(f"cannot assign {name!r}: {type(self).__name__} is frozen")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}")

    def __repr__(self):
        return "Frozen(" + ", ".join(f"{k}={v!r}" for k, v in sorted(vars(self).items()) if k != "_frozen") + ")"


f = Frozen(x=1, y="two")
print(f, f.x, f.y)
for action in ("set", "del", "setattr"):
    try:
        if action == "set":
            f.x = 5
        elif action == "del":
            del f.y
        else:
            setattr(f, "z", 0)
    except AttributeError as e:
        print("AttributeError:", e)
print(f)


class Audited:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append("set " + name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


a = Audited()
a.value = 10
a.value += 1
del a.value
print(a.log, hasattr(a, "value"))
try:
    del a.value
except AttributeError as e:
    print("AttributeError:", e)
print(a.log)
