print(True + 1, True * 3, False - 1, True / 2, True // 1, -True, ~True, True & False, True | False, True ^ True)
print(sum([True, True, False]), max(True, 0), str(True), repr(False), int(True), float(False))
values = [0, 0.0, "", [], (), {}, set(), None, range(0), 1, -1, "0", [0], (None,), 0.1]
print([bool(v) for v in values])
print(True == 1, False == 0, hash(True) == hash(1), {1: "int", True: "bool"})
