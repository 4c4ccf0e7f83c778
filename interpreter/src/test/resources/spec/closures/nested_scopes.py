def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()

print(outer())

def rebinding():
    x = 1
    def show():
        return x
    x = 2
    return show()

print(rebinding())

def shared_cell():
    value = []
    def push(v):
        value.append(v)
    def get():
        return value
    return push, get

push, get = shared_cell()
push(1)
push(2)
print(get())

def param_captured(p):
    def f():
        return p * 2
    p += 1
    return f()

print(param_captured(5))

def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3()
        return l2()
    return l1()

print(deep())
