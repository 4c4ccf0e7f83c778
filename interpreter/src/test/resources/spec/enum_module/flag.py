from enum import Flag, auto
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
rw = Perm.R | Perm.W
print(Perm.R, repr(rw), rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))
print([p.value for p in Perm], repr(Perm(0)), repr(~Perm.R), Perm(7))
print(list(rw), rw & Perm.W)
