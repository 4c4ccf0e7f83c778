class Proxy:
    def __init__(self, target):
        self._target = target
        self.hits = []

    def __getattr__(self, name):
        self.hits.append(name)
        if name.startswith("secret"):
            raise AttributeError(f"{name} is hidden")
        return getattr(self._target, name)


class Target:
    color = "blue"

    def shout(self, text):
        return text.upper() + "!"


p = Proxy(Target())
print(p.color, p.shout("hey"), p._target.color)
print(hasattr(p, "secret_key"), hasattr(p, "shout"), getattr(p, "secret", "fallback"))
print(p.hits)
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)


class Lazy:
    def __getattr__(self, name):
        value = len(name)
        setattr(self, name, value)
        print("  computed", name)
        return value


lz = Lazy()
print(lz.abc, lz.abc, lz.hello, sorted(vars(lz).items()))


class Dynamic:
    known = 1

    def __getattr__(self, name):
        return "dyn:" + name


d = Dynamic()
print(d.known, d.anything, getattr(d, "x"), d.__class__.__name__)


class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append((name, value))
        object.__setattr__(self, name, value * 2)


r = Recorder()
r.a = 1
r.b = "x"
setattr(r, "c", 5)
print(r.a, r.b, r.c, r.log)
