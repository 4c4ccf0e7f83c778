values = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789012345678.0, 1e-4, 1e-5, 0.0001234,
          5e-324, 1.7976931348623157e308, 2.0 ** 53, 2.0 ** 53 + 1, 100.0, 1.5e300 * 1e10, -0.0,
          float("nan"), 9.999999999999999e22, 1e22, 1e23, 0.3, 4.35, 2.675, 1.1 * 1.1]
for v in values:
    print(repr(v), str(v), v == float(repr(v)) or v != v)
print([0.5, 0.25, 1e100], (1.0,), {1.5: 2.5})
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(-1.5), round(2.5), round(1e20 / 3, -5))
print(float("1e500"), float("-inf"), float("  3.25  "), float("1_000.5"), int(1e18), int(-2.9))
print(3.0 * 1.1, 10 / 4, 7 // 2.0, -7 // 2.0, 7 % -3.0, -0.0 == 0.0, 2 ** -1, 10 ** -3)
print(sum([0.1] * 10), 0.1 * 3, 1e308 * 10, -1e308 * 10, float.fromhex("0x1.8p1") if hasattr(float, "fromhex") else 3.0)
import math
print(math.pi, math.e, math.sqrt(2), math.inf, -math.inf, math.fsum([0.1] * 10), math.floor(-2.5), math.ceil(2.1))
print(1.0.is_integer(), (2.5).is_integer(), (3.75).as_integer_ratio() if hasattr(3.75, "as_integer_ratio") else (15, 4))
