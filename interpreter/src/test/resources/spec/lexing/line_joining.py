# Explicit (backslash) and implicit (bracket) line joining.
total = 1 + \
        2 + \
        3
print(total)
values = [
    1,
    2,  # trailing comment
    3,
]
print(values)
pairs = {
    "a": (1,
          2),
    "b": (3, 4)}
print(pairs["a"], pairs["b"])
print(len("abc"
          "def"))
if total > 5 and \
   len(values) == 3:
    print("joined condition")
x = (1 +
     2) * 3; y = x * 2; print(x, y)
