for text in ("42", "-17", "+5", "0", " 12 ", "1_000", "3.5", "abc", "", "0x10", "١٢"):
    try:
        print(repr(text), int(text))
    except ValueError as e:
        print(repr(text), "ValueError:", e)
for text in ("3.14", "-0.5", "1e3", "inf", "-inf", "nan", "1_0.5", " 2 ", "x"):
    try:
        print(repr(text), float(text))
    except ValueError as e:
        print(repr(text), "ValueError:", e)
print(str(10 ** 30), str(-0.0), str(1e-7), str(123.0), str(1.23e+40))
