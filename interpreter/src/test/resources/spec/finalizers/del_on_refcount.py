class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

a = Noisy("a")
b = a
del a
print("a deleted, b still alive")
del b
print("after b")
def scope():
    local = Noisy("local")
    print("leaving scope")
scope()
x = Noisy("rebound")
x = None
print("end of program")
lst = [Noisy("in list")]
lst.clear()
print("list cleared")
