import weakref

class Item:
    def __init__(self, key):
        self.key = key

cache = weakref.WeakValueDictionary()
a = Item("a")
b = Item("b")
cache["a"] = a
cache["b"] = b
print(sorted(cache.keys()), cache["a"].key)
del a
print(sorted(cache.keys()), "a" in cache, cache.get("a"))
