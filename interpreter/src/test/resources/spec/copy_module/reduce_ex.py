import copy
class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
    def __reduce_ex__(self, proto):
        return (Pt, (self.x, self.y))
p = Pt(1, [2])
q = copy.deepcopy(p); r = copy.copy(p)
print(q.x, q.y, q.y is p.y, r.y is p.y)
