def nothing():
    pass

class Empty:
    pass

print(nothing(), type(Empty()).__name__)
for i in range(3):
    if i == 1:
        pass
    else:
        for j in range(2):
            if j:
                print(i, j)
result = []
i = 0
while True:
    i += 1
    if i > 5:
        break
    if i % 2 == 0:
        continue
    result.append(i)
print(result)
