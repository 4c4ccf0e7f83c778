import math
print(math.floor(-0.5), math.ceil(-0.5), math.floor(10 ** 20 + 0.5), math.trunc(1e10))
print(math.sqrt(10 ** 10), math.isqrt(10 ** 20), math.gcd(2 ** 40, 6 ** 20), math.lcm(4, 6))
print(math.log(1), math.log(100, 10), math.log2(1024), math.exp(0), math.e ** 2 == math.exp(2))
print(math.isfinite(1.0), math.isfinite(math.inf), math.nan != math.nan, math.inf > 10 ** 300)
print(round(math.tan(math.pi / 4), 12), round(math.asin(1), 12), round(math.acos(0), 12), math.atan(0))
print(math.factorial(25), math.comb(50, 25), math.fabs(-0.0), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.dist((0, 0), (3, 4)), math.fmod(-7, 3), -7 % 3, math.remainder(7, 4))
try:
    math.log(0)
except ValueError as e:
    print(e)
try:
    math.factorial(-1)
except ValueError as e:
    print(e)
