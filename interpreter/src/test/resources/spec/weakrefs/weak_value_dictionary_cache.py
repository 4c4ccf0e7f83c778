import gc
import weakref


class Image:
    loads = 0

    def __init__(self, name):
        Image.loads += 1
        self.name = name


cache = weakref.WeakValueDictionary()


def load(name):
    img = cache.get(name)
    if img is None:
        img = Image(name)
        cache[name] = img
    return img


a = load("sky")
b = load("sky")
c = load("sea")
print(a is b, Image.loads, len(cache), sorted(cache))
del a
print(len(cache), "sky" in cache)
del b
print(len(cache), "sky" in cache, sorted(cache.keys()))
d = load("sky")
print(Image.loads, cache["sky"] is d)
e, f = Image("e"), Image("f")
e.other, f.other = f, e
cache["e"] = e
cache["f"] = f
del e, f
print(sorted(cache))
gc.collect()
print(sorted(cache), len(cache))
try:
    cache["e"]
except KeyError as err:
    print("KeyError:", err)
del cache["sky"]
print(list(cache.items())[0][0], len(cache))
