values = [0, 7, -42, 1234567, 3.14159, -0.5, 1e10, 2.5e-7]
for v in values:
    print("{0!r:>14} {0:>12,} {0:^+14.3} {0:<10g}|".format(v))
print("{:*^20}|{:->10}|{:_<8}|{:=+8d}".format("mid", "r", "l", 42))
print("{:b} {:#b} {:o} {:#o} {:x} {:#X} {:c}".format(10, 10, 64, 64, 255, 255, 97))
print("{:08.3f} {:+.2e} {:.1%} {:,.2f} {:_d} {:_x}".format(3.14159, 12345.678, 0.4567, 1234567.891, 10 ** 7, 2 ** 32))
print("{:.3} {:10.4} {:e} {:G} {:n}".format("truncate", "abcdefgh", 0.0, 1e-20, 1234))
print("{0} {1} {0} {name} {name!r} {name!s:>8}".format("a", "b", name="nm"))
pt = {"x": 1, "y": [10, 20]}
print("{p[x]} {p[y][1]} {0.real} {0.imag}".format(3, p=pt))


class Custom:
    def __format__(self, spec):
        return "Custom(" + spec + ")"

    def __str__(self):
        return "custom-str"

    def __repr__(self):
        return "custom-repr"


c = Custom()
print("{} {:abc} {!s} {!r} {!s:>12}".format(c, c, c, c, c))
print(format(c, "xyz"), format(255, "#x"), format(3.5, "08.2f"), format("s", "^5"))
width, prec = 12, 3
print("{:{w}.{p}f}|{:>{w}}".format(2.0 / 3, "right", w=width, p=prec))
print(f"{3.14159:{width}.{prec}}|{'left':<{width}}|{42:#0{width}b}")
print("{{literal}} {}".format("braces"), "{:%}".format(1), "{:.0%}".format(0.5))
for spec, value in [("d", 1.5), ("f", "s"), ("=10", "s"), (",s", "x"), (".2d", 3)]:
    try:
        print(format(value, spec))
    except ValueError as e:
        print("ValueError:", e)
