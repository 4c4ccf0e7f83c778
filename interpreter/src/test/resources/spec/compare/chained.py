x = 5
print(1 < x < 10, 1 < x > 10, 1 <= 5 <= 5 < 6, 10 > x >= 5 == 5)
print(1 == 1.0 == True, "a" < "b" < "c", 3 > 2 > 1 > 0)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(2), calls)
calls.clear()
print(v(1) < v(2) < v(3), calls)
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [2] > [1, 99], (1, "a") == (1, "a"))
print(None == None, None != 0, [] == [], {} == {}, {1: 2} == {1: 2}, {1, 2} == {2, 1})
