def attempt(v):
    try:
        r = 10 // v
    except ZeroDivisionError:
        print("division by zero")
        return "handled"
    except (TypeError, ValueError) as e:
        print("bad type:", e)
        return "typed"
    else:
        print("no error, result", r)
        return r
    finally:
        print("finally for", repr(v))

print(attempt(2))
print(attempt(0))
print(attempt("x"))

def finally_overrides():
    try:
        return "try"
    finally:
        print("cleanup runs before return")

print(finally_overrides())

try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally")
except KeyError as e:
    print("caught", repr(e))
