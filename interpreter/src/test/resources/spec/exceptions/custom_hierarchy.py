class Base(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code

class NotFound(Base):
    pass

class Forbidden(Base):
    def __str__(self):
        return f"forbidden ({self.code})"

for exc in (NotFound(404, "no page"), Forbidden(403, "go away"), Base(500, "oops")):
    try:
        raise exc
    except NotFound as e:
        print("not found:", e.code, e, e.args)
    except Base as e:
        print("base handler:", type(e).__name__, e.code, str(e))

print(issubclass(NotFound, Exception), issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(repr(ValueError("x", 1)), str(KeyError("k")), str(Exception()), Exception("a", "b").args)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
