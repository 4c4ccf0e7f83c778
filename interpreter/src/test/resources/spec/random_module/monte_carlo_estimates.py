import random

rng = random.Random(12345)
inside = 0
n = 20000
for _ in range(n):
    x, y = rng.random(), rng.random()
    if x * x + y * y <= 1.0:
        inside += 1
print("pi ~", 4 * inside / n, inside)
buckets = [0] * 10
for _ in range(5000):
    buckets[rng.randrange(10)] += 1
print(buckets, sum(buckets))
total = 0.0
for _ in range(1000):
    total += rng.uniform(2.0, 4.0)
print(round(total / 1000, 10))
bits = sum(bin(rng.getrandbits(32)).count("1") for _ in range(1000))
print("set bits", bits)
population = ["red"] * 5 + ["blue"] * 3 + ["green"] * 2
draws = [rng.choice(population) for _ in range(30)]
print({color: draws.count(color) for color in ("red", "blue", "green")})
try:
    rng.randrange(0)
except ValueError as e:
    print("ValueError:", e)
try:
    rng.choice([])
except IndexError as e:
    print("IndexError:", e)
rng.randint(5, 1)
