import gc

saved = []

class Phoenix:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("__del__ called")
        saved.append(self)

gc.collect()
p = Phoenix()
del p
print("collect 1:", gc.collect())
print("resurrected:", len(saved))
saved[0].me = None
saved.clear()
print("collect 2:", gc.collect())
print("done")
