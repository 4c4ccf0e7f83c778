for i in range(5):
    if i == 10:
        break
else:
    print("no break: else runs")
for i in range(5):
    if i == 2:
        print("breaking at", i)
        break
else:
    print("not printed")
for x in []:
    print("never")
else:
    print("empty loop else")
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for c in "hi":
    for d in "ab":
        if d == "b":
            continue
        print(c + d)
