import random

random.seed(2024)
deck = [rank + suit for suit in "SHDC" for rank in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:13])
hands = [deck[i::4][:5] for i in range(4)]
for h in hands:
    print(sorted(h))
rolls = [random.randint(1, 6) for _ in range(20)]
print(rolls, sum(rolls))
counts = {face: rolls.count(face) for face in range(1, 7)}
print(counts)
print(random.choice(deck), random.choice("abcdef"), random.choice(range(100, 200)))
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(8)])
print([round(random.uniform(-1, 1), 6) for _ in range(5)])
print(random.getrandbits(1), random.getrandbits(8), random.getrandbits(64), random.getrandbits(100))
