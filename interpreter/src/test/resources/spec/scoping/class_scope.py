x = "global"

class C:
    x = "class"
    y = x + "-derived"
    def method(self):
        return x
    items = [x for _ in range(2)]
    z = [n * 2 for n in range(3)]

print(C.x, C.y, C().method(), C.items, C.z)

def func():
    x = "function"
    class D:
        w = x
        def m(self):
            return x
    return D.w, D().m()

print(func())

def class_free():
    v = "enclosing"
    class E:
        v = "class attr"
        def get(self):
            return v
    return E.v, E().get()

print(class_free())
