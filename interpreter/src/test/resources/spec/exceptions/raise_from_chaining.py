class AppError(Exception):
    pass

def load():
    try:
        {}["missing"]
    except KeyError as e:
        raise AppError("could not load") from e

try:
    load()
except AppError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, repr(e.__cause__))

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e), type(e.__context__).__name__, e.__cause__)

try:
    raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(e, e.__cause__, e.__suppress_context__)

def reraise():
    try:
        raise TypeError("original")
    except TypeError:
        raise

try:
    reraise()
except TypeError as e:
    print("re-raised:", e)
