print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{0}{0}".format("x"))
print("{name} is {age}".format(name="Bob", age=40), "{0[1]} {1[k]}".format([1, 2], {"k": "v"}))
print("{:>8}|{:<8}|{:^8}|{:*^8}".format("r", "l", "c", "s"))
print("{:.3f} {:10.2e} {:,} {:_} {:+d} {: d}".format(3.14159, 12345.6789, 1234567, 1234567, 5, 5))
print("{:x} {:#b} {:o} {:08.3f} {:%}".format(255, 5, 64, 3.14159, 0.25))
print("{!r} {!s} {:5}|".format("q", "s", 42))
class P:
    x = 10
print("{0.x} {obj.x}".format(P(), obj=P()))
print("{{escaped}} {}".format("ok"))
print("{:{width}.{prec}f}".format(2.71828, width=10, prec=2))
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
