# Sums of squares overflow 64 bits quickly.
total = 0
for i in range(1, 200):
    total += i ** 10
print(total)
f = 1
for i in range(1, 31):
    f *= i
print(f)
fib = [0, 1]
while len(fib) < 120:
    fib.append(fib[-1] + fib[-2])
print(fib[-1], fib[92], fib[93])
x = 1
for _ in range(70):
    x = x * 2 + 1
print(x, x.bit_length())
print(sum(i * i for i in range(10 ** 5)))
print(2 ** 64 - 1 == 18446744073709551615, (2 ** 64) // (2 ** 32))
