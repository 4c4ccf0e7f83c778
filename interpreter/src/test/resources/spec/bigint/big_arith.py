a = 2 ** 100
b = 3 ** 70
print(a, b)
print(a + b, a - b, b - a, a * b)
print(a // 7, a % 7, -a // 7, -a % 7, a // -b, divmod(b, a))
print(a ** 3)
print(a >> 50, a << 10, a & (b - 1), a | 12345, a ^ b, ~a)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
print(abs(-a), -a, +a, a == 2 ** 100, a < b, a > b, a != b)
print(int("123456789012345678901234567890"), int("-" + "9" * 30))
print(hex(a), oct(b), bin(2 ** 70))
print(pow(3, 200, 10 ** 9 + 7), pow(2, 200) % 1000)
print(float(a), a / 3, (a * 3) / a, 10 ** 30 / 10 ** 10)
print(len(str(2 ** 1000)), str(2 ** 1000)[:20])
