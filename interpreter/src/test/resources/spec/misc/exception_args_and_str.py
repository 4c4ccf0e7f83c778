errors = [ValueError(), ValueError("one"), ValueError("one", 2), KeyError("k"), IndexError(3),
          ZeroDivisionError("zero"), TypeError(), RuntimeError("a", "b"), NameError("n"),
          StopIteration(5), AssertionError("msg"), AttributeError("attr")]
for e in errors:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
print(issubclass(StopIteration, Exception), issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print(StopIteration(5).value, isinstance(ValueError(), BaseException))
