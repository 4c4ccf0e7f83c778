assert True
assert 1 + 1 == 2, "math works"
try:
    assert False
except AssertionError as e:
    print("AssertionError", repr(e), e.args)
try:
    assert 1 > 2, "one is not greater than two"
except AssertionError as e:
    print("AssertionError:", e)
x = []
assert not x, f"expected empty, got {x}"
assert len(x) == 1, f"expected one element, got {len(x)}"
