def ok():
    return [i * 2 for i in range(3)]

print(ok())
class C:
    def m(self):
        return self
    x = [1, 2
    y = 3
