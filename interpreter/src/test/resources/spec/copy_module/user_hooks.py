import copy
class P:
    def __init__(self, v): self.v = v
    def __copy__(self):
        print("copy hook"); return P(self.v)
    def __deepcopy__(self, memo):
        print("deepcopy hook", type(memo).__name__); return P(copy.deepcopy(self.v, memo))
p = P([1])
q = copy.copy(p); r = copy.deepcopy(p)
print(q.v is p.v, r.v is p.v, r.v)
