# Generators driven by for/else, with break and continue; while/else and for/else inside generators.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    else:
        print("countdown exhausted")


for x in countdown(3):
    print(x)
else:
    print("for else ran")

for x in countdown(5):
    if x == 3:
        print("break at", x)
        break
else:
    print("not printed")


def pairs(items):
    for i, item in enumerate(items):
        if item is None:
            continue
        for j in range(i):
            if j == 2:
                break
            yield (j, item)
        else:
            yield ("all", item)
    else:
        yield "end"


print(list(pairs(["a", None, "b", "c", "d"])))


def search(haystack, needle):
    for pos, value in enumerate(haystack):
        if value == needle:
            yield pos
            break
    else:
        yield -1


print(list(search("hello", "l")), list(search("hello", "z")))
