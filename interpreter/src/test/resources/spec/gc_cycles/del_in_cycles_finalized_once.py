import gc

calls = {}


class Finalized:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        calls[self.name] = calls.get(self.name, 0) + 1


gc.collect()
gc.disable()
for round_no in range(3):
    a = Finalized("a%d" % round_no)
    b = Finalized("b%d" % round_no)
    a.other, b.other = b, a
    c = Finalized("c%d" % round_no)
    c.loop = [c, a]
    del a, b, c
print("before:", calls)
print("collected:", gc.collect())
print("after:", sorted(calls.items()))
print("all once:", all(v == 1 for v in calls.values()), len(calls))
print("second:", gc.collect(), "unchanged:", sum(calls.values()))
gc.enable()
