def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1
    print("finished")

g = countdown(3)
print(type(g).__name__)
print(next(g))
print(list(g))
print(list(countdown(0)))
def squares(limit):
    for i in range(limit):
        yield i * i
print(sum(squares(10)), [s for s in squares(4)])
