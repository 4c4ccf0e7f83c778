n = 0
while n < 3:
    n += 1
else:
    print("while finished with", n)
n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("stopped at", n)
count = 10
total = 0
while count:
    total += count
    count -= 1
print(total)
stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())
