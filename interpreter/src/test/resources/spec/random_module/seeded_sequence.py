import random
random.seed(42)
print([random.random() for _ in range(3)])
print([random.randint(1, 100) for _ in range(5)])
print(random.randrange(10), random.randrange(5, 50, 5), random.getrandbits(32), random.getrandbits(70))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.choice("abcdef"), random.choice([10, 20, 30]), random.uniform(1, 2))
random.seed(12345)
print(random.random(), random.randint(0, 10 ** 20))
random.seed(0)
a = [random.random() for _ in range(2)]
random.seed(0)
b = [random.random() for _ in range(2)]
print(a == b)
