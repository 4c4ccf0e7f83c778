def check(make_kind):
    try:
        try:
            raise ValueError("inner")
        except make_kind():
            print("caught?")
    except NameError as e:
        print("NameError", e, type(e.__context__).__name__, e.__context__)
    except TypeError as e:
        print("TypeError", e, type(e.__context__).__name__)
def undefined():
    return UndefinedName
check(undefined)
check(lambda: 3)
try:
    raise KeyError("k")
except UndefinedName:
    pass
