x = "outer"
squares = [x * 2 for x in range(4)]
print(squares, x)
pairs = [(a, b) for a in range(3) for b in range(a)]
print(pairs)
def f():
    n = 3
    return [i * n for i in range(n)]
print(f())
total = 0
vals = [total := total + v for v in (1, 2, 3)]
print(vals, total)
print({k: [c for c in k] for k in ("ab", "cd")})
gen = (y for y in range(3))
print(list(gen), sum(z for z in range(10) if z % 2))
