# Integer loop whose sum of squares overflows 64 bits early and continues in big ints.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
total = 0
for i in range(n):
    total += i * i * i * i * 1000003
print(total % 1000000007)
