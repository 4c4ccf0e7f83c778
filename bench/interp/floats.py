# Float-heavy: numerical integration and a small n-body style update loop.
import math
import sys
n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
step = 1.0 / n
total = 0.0
for i in range(n):
    x = (i + 0.5) * step
    total += 4.0 / (1.0 + x * x)
pos = [0.0, 1.0]
vel = [1.0, 0.0]
for _ in range(n // 10):
    r = math.sqrt(pos[0] * pos[0] + pos[1] * pos[1])
    a = -1.0 / (r * r * r)
    vel[0] += a * pos[0] * 0.001
    vel[1] += a * pos[1] * 0.001
    pos[0] += vel[0] * 0.001
    pos[1] += vel[1] * 0.001
print(f"{total * step:.10f} {pos[0]:.6f} {pos[1]:.6f}")
