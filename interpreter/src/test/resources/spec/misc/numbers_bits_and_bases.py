n = 2 ** 100 + 12345
print(n & 0xFFFF, n | 1, n ^ n, n >> 90, n << 3, -n >> 10, -n & 0xFF)
print((255).bit_length(), (2 ** 64).bit_length(), (-1).bit_length(), (0).bit_length())
print(hex(2 ** 64), oct(-8), bin(2 ** 10 - 1), int("-0b101", 0), int("777", 8), int("zz", 36))
print(-7 % 3, 7 % -3, -(2 ** 70) % 7, (2 ** 70) % -7, -(2 ** 70) // 7, divmod(-(2 ** 65), 3))
print(pow(2, 100, 97), pow(-3, 3), pow(5, -2), pow(2, 0), pow(0, 0), pow(-2, 63), pow(-2, 64))
print(abs(-(2 ** 80)), max(2 ** 70, -1, 5), min(-(2 ** 70), 0))
print(int.from_bytes(b"\x01\x00", "big") if False else "skip", (1024).to_bytes(2, "big") if False else "skip")
