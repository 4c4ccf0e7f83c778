a, b = 17, 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, -a, +a)
print(-17 // 5, -17 % 5, 17 // -5, 17 % -5, -17 // -5, -17 % -5)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 0 ** 0)
print(divmod(17, 5), divmod(-17, 5), pow(3, 4), pow(3, 4, 5), pow(2, -1, 7))
print(abs(-3), abs(3), round(7 / 2), round(5 / 2), round(2.675, 2))
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 10, 1024 >> 3, -16 >> 2)
print(10 / 2, 7 / 7, type(10 / 2).__name__, 9 // 2.0, 9 % 2.5)
x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 7
print(x)
y = 6
y <<= 2; y >>= 1; y |= 1; y &= 0b1110; y ^= 3
print(y)
print(int("42"), int("-7"), int("ff", 16), int("0x1f", 16), int("101", 2), int("z", 36), int(" 12 "))
print(int(3.9), int(-3.9), int(True), int("1_000"))
