print(int("12"), int(12.7), int("-0"), int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("12", 8))
print(float("1.5"), float("1e2"), float(3), float("-inf"))
print(str(1), str(1.0), str(-0.0), str(True), repr("s"), repr(1.5), repr(None))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([[]]), bool(0.0), bool(None))
print(list("abc"), list((1, 2)), list({"a": 1}), list(range(3)))
print(tuple([1, 2]), tuple("ab"), tuple(), dict([("a", 1), ("b", 2)]), dict(a=1, b=2), dict())
print(sorted(set([3, 1, 3, 2])), set(), len(set("hello")))
print(chr(65), chr(0x263A), ord("A"), ord("\u263a"), hex(255), hex(-255), oct(8), bin(5), bin(-5))
print(abs(-7), abs(-7.5), round(3.7), round(-3.5), round(3.14159, 3))
try:
    int("12", 1)
except ValueError as e:
    print(e)
try:
    chr(-1)
except ValueError as e:
    print(e)
try:
    ord("ab")
except TypeError as e:
    print(e)
