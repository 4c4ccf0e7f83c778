print(", ".join(["a", "b"]), "".join(("x", "y")), "-".join("abc"))
try:
    ", ".join([1, 2])
except TypeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    len(None)
except TypeError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
try:
    [] + ()
except TypeError as e:
    print(e)
try:
    {} < {}
except TypeError as e:
    print(e)
try:
    -"x"
except TypeError as e:
    print(e)
nothing = None
try:
    nothing()
except TypeError as e:
    print(e)
