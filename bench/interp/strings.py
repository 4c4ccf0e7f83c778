# String building: f-strings, joins, splits, replace.
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 50000
parts = []
for i in range(n):
    parts.append(f"{i}:{i * 2}")
text = ",".join(parts)
fields = text.split(",")
total = 0
for f in fields:
    a, b = f.split(":")
    total += int(a) + int(b)
print(len(text), total, text.replace("1", "one")[:30].upper())
