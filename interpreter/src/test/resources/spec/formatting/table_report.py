rows = [
    ("apples", 12, 0.5),
    ("bananas", 7, 0.25),
    ("cherries", 250, 0.1),
    ("dragonfruit", 1, 4.75),
]
header = "{:<12} {:>6} {:>8} {:>10}".format("item", "qty", "price", "total")
print(header)
print("-" * len(header))
grand = 0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print("{:<12} {:>6d} {:>8.2f} {:>10.2f}".format(name, qty, price, total))
print("-" * len(header))
print("{:<12} {:>6} {:>8} {:>10.2f}".format("total", sum(r[1] for r in rows), "", grand))
print("%-12s %6d %8s %10.2f" % ("check", 270, "", grand))
print(f"{'share':<12}" + "".join(f"{r[1] / 270:>8.1%}" for r in rows))
print("|".join(f"{n[:3].upper():^7}" for n, _, _ in rows))
for n in (0, 1, 12, 123, 1234, 12345678):
    print(f"{n:>12,}|{n:<12_}|{n:^12x}|{-n:+012d}")
