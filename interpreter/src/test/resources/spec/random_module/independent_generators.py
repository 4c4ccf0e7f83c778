import random

a = random.Random(1)
b = random.Random(1)
c = random.Random(2)
print([a.random() for _ in range(3)] == [b.random() for _ in range(3)])
print(a.random(), c.random())
a.seed(99)
first = [a.randint(0, 1000) for _ in range(6)]
a.seed(99)
again = [a.randint(0, 1000) for _ in range(6)]
print(first, first == again)
big = random.Random(2 ** 100 + 7)
neg = random.Random(-5)
pos = random.Random(5)
print(big.random(), neg.random() == pos.random(), big.getrandbits(33))
items = list(range(10))
r = random.Random(42)
r.shuffle(items)
print(items)
print(r.sample(range(100), 5), r.choice(items))
walk = 0
path = []
r.seed(7)
for _ in range(15):
    walk += r.choice((-1, 1))
    path.append(walk)
print(path)
random.seed(0)
print(random.random(), random.randrange(1, 1000000), random.uniform(10, 20))
