fs = []
for i in range(3):
    def f(j=i):
        return j * 10
    fs.append(f)
print([f() for f in fs], i)
total = 0
for total in range(3):
    pass
print(total)
k = "before"
[k for k in range(2)]
print(k)
while_var = 0
while while_var < 3:
    inner = while_var * 2
    while_var += 1
print(while_var, inner)
