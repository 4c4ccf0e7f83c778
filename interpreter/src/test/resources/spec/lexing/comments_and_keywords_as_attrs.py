# Identifiers that look like keywords, comments everywhere.
class Box:  # a class
    def __init__(self):  # constructor
        self.if_ = 1
        self.match = 2  # soft keywords are ordinary names
        self.case = 3
        self._ = 4

b = Box()
print(b.if_, b.match, b.case, b._)
match = [1, 2]
case = {"k": "v"}
_ = "underscore"
print(match, case, _)
print("# not a comment")  # but this is
