d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print(repr(e), str(e), e.args)
try:
    d[(1, 2)]
except KeyError as e:
    print(str(e))
try:
    [1, 2][5]
except IndexError as e:
    print(e)
try:
    (1,)[-3]
except IndexError as e:
    print(e)
try:
    "abc"[10]
except IndexError as e:
    print(e)
try:
    {}.pop("x")
except KeyError as e:
    print(repr(e))
try:
    {}.popitem()
except KeyError as e:
    print(e)
