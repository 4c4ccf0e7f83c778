def cleanup_fails():
    try:
        raise ValueError("first")
    finally:
        print("finally runs")

try:
    cleanup_fails()
except ValueError as e:
    print("caught", e)

try:
    try:
        raise KeyError("a")
    except KeyError:
        raise TypeError("b")
except TypeError as e:
    print(repr(e), repr(e.__context__))

try:
    raise ValueError("original")
except ValueError:
    raise RuntimeError("while handling")
