def accumulator():
    total = 0
    history = []
    def add(v):
        nonlocal total
        total += v
        history.append(total)
        return total
    def reset():
        nonlocal total
        total = 0
    return add, reset, history

add, reset, history = accumulator()
add(5)
add(10)
reset()
add(1)
print(history)

def two_levels():
    x = 0
    def a():
        def b():
            nonlocal x
            x += 10
        b()
        b()
    a()
    return x

print(two_levels())
