ops = [
    ("1 / 0", lambda: 1 / 0),
    ("1 // 0", lambda: 1 // 0),
    ("1 % 0", lambda: 1 % 0),
    ("1.0 / 0", lambda: 1.0 / 0),
    ("divmod(1, 0)", lambda: divmod(1, 0)),
    ("0 ** -1", lambda: 0 ** -1),
]
for text, op in ops:
    try:
        op()
    except ZeroDivisionError as e:
        print(text, "->", type(e).__name__, e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    "a" - 1
except TypeError as e:
    print(e)
try:
    [1] * "x"
except TypeError as e:
    print(e)
try:
    int("abc")
except ValueError as e:
    print(e)
try:
    float("x1")
except ValueError as e:
    print(e)
print(10 // 3)
x = 5 % 0
