for v in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375):
    print(v, round(v), round(v, 2), round(v, 1))
print(round(123.456, -1), round(123.456, -2), round(1234, -2), round(1250, -2), round(1350, -2))
print(int(1e20), int(-1e20), int(2.5), int(-2.5))
print(1e16 + 1, 2 ** 53 + 1.0, 0.1 * 3 == 0.3, abs(0.1 * 3 - 0.3) < 1e-9)
print(float(10 ** 20), float(2 ** 70), 10 ** 20 / 3)
print(7 // 2.0, -7 // 2.0, 7 % -2.0, 2.0 ** -2, (-8) ** (1 / 3) if False else "skip")
