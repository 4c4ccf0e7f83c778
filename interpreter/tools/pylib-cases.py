"""Expectation tables for the numbers/text helper tests; run through regen-pylib-cases."""
import math
import random
import struct
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("regen-pylib-cases: need CPython 3.11")
sys.set_int_max_str_digits(0)
OUT = sys.argv[1]


def esc(s):
    return s.encode("unicode_escape", "surrogatepass").decode("ascii").replace("\t", "\\t")


def bits(x):
    return "%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b):
    return struct.unpack("<d", struct.pack("<Q", b))[0]


def outcome(fn):
    try:
        return "=" + esc(fn())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError, KeyError, IndexError) as e:
        return "!" + type(e).__name__ + "\t" + esc(str(e))


def write(name, lines):
    with open(OUT + "/" + name, "w", encoding="ascii") as f:
        f.write("\n".join(lines) + "\n")
    print("regen-pylib-cases: %s: %d cases" % (name, len(lines)))


rnd = random.Random(20261122)

# ---------------------------------------------------------------- floats
SPECIAL = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-323, 2.2250738585072014e-308,
           2.225073858507201e-308, 1.7976931348623157e308, -1.7976931348623157e308, 1e16, 1e15, 1e17,
           9999999999999998.0, 9999999999999999.0, 1e-4, 1e-5, 0.0001234, 0.1, 0.2, 0.3, 0.1 + 0.2, 0.5,
           1.5, 2.5, 3.5, -2.5, 0.125, 0.375, 0.625, 1e22, 1e23, 123456789.0, 2.0 ** 53, 2.0 ** 53 + 2,
           2.0 ** 63, 2.0 ** 64, 2.0 ** 1023, 1 / 3, 2 / 3, math.pi, math.e, 1.0, -1.0, 10.0, 100.0,
           123.456, 0.001, 0.0005, 0.0015, 0.0025, 1.0005, 1.2345, 2.675, 5e-5, 9.5, 99.5, 999.5,
           0.05, 0.15, 0.25, 0.35, 0.45, 1e300, 1e-300, 8.41e21, 5e-310, 4.35, 1234567.0, 12345678.9]


def float_values():
    vals = list(SPECIAL)
    for _ in range(1500):
        b = rnd.getrandbits(64)
        x = from_bits(b)
        if math.isfinite(x):
            vals.append(x)
    for _ in range(600):
        k = rnd.randint(1, 17)
        e = rnd.randint(-30, 30)
        vals.append(float("%de%d" % (rnd.randint(1, 10 ** k), e)) * rnd.choice((1, -1)))
    for _ in range(300):
        vals.append(float(rnd.randint(-10 ** 6, 10 ** 6)) / rnd.choice((1, 2, 4, 8, 10, 100, 1000, 16, 1024)))
    for _ in range(200):
        vals.append(rnd.random() * 10 ** rnd.randint(-8, 20))
    return vals


FLOATS = float_values()


def floats():
    lines = []
    for x in FLOATS:
        lines.append("repr\t%s\t%s" % (bits(x), repr(x)))
    for x in FLOATS:
        for _ in range(3):
            t = rnd.choice("eEfFgG")
            p = rnd.choice(list(range(0, 21)) + [25, 30, 50])
            if t in "fF" and abs(x) > 1e60 and p > 20:
                p = 3
            flags = rnd.choice(["", "", "#", "+", "+#", " "])
            fmt = "%" + flags + "." + str(p) + t
            lines.append("pct\t%s\t%s\t%s" % (bits(x), fmt, fmt % x))
        lines.append("pct\t%s\t%%r\t%s" % (bits(x), "%r" % x))
    for x in FLOATS:
        for nd in (rnd.randint(-5, 20), rnd.randint(-320, 330), 0, 1, 2):
            lines.append("round\t%s\t%d\t%s" % (bits(x), nd, outcome(lambda: bits(round(x, nd)))))
        lines.append("round0\t%s\t%s" % (bits(x), outcome(lambda: str(round(x)))))
    for nd in (400, 323, 324, -308, -309, -400, 10 ** 30, -10 ** 30):
        for x in (1.5, -1.5, 1e308, 5e-324, 123.456, -0.0):
            lines.append("round\t%s\t%d\t%s" % (bits(x), nd, outcome(lambda: bits(round(x, nd)))))
    lines.append("round\t%s\t%d\t%s" % (bits(1.7976931348623157e308), -308,
                                        outcome(lambda: bits(round(1.7976931348623157e308, -308)))))
    strings = ["1_000.5", " 1e5 ", "inf", "-inf", "+inf", "-nan", "nan", "NaN", "infinity", "-Infinity",
               "iNfInItY", "infinit", "x", "", " ", "1e", "1e+", "e5", ".", ".5", "5.", "-.5e-3", "+1.5E+10",
               "1__0", "_1", "1_", "1_.5", "1._5", "1.5_", "1e_5", "1_e5", "1e5_0", "1_0e1_0", "0x10", "1d",
               "1f", "1.0L", "\t\n 3.25 \x0c\x0b\r", "\u00a01.5\u2003", "\u0661\u0662.\u0663", "1e400", "-1e400",
               "1e-400", "4.9e-324", "2.4703282292062328e-324", "2.4703282292062327e-324",
               "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093542",
               "0." + "0" * 400 + "1e400", "1" * 500 + "e-500", "nan(123)", "in f", "- 1", "+-1", "--1", "1.5.5",
               "\u00e91", "1\x00", "١٢٣", "\U0001D7D9", "1 _0", "12345678901234567890123456789e-10",
               "0.1", "0.30000000000000004", "1e-5", "-0", "-0.0", "+0e0", "00001.5000", "1E5", "  -  ", "'",
               "\"", "a'b\"c", "\\"]
    for s in strings:
        lines.append("parse\t%s\t%s" % (esc(s), outcome(lambda: bits(float(s)))))
    for x in FLOATS[:800]:
        for s in (repr(x), "%.25e" % x, "%.17g" % x):
            lines.append("parse\t%s\t%s" % (esc(s), outcome(lambda: bits(float(s)))))
    for x in (5e-324, 1.7976931348623157e308, 0.1, 1 / 3, -2.5e-300):
        for fmt in ("%.760e", "%.770e", "%.800e", "%.1074f", "%.1100f", "%.1200f", "%.770g", "%#.800g"):
            lines.append("pct\t%s\t%s\t%s" % (bits(x), fmt, fmt % x))
    write("floats.txt", lines)


# ---------------------------------------------------------------- ints
def int_values():
    vals = [0, 1, -1, 2, -2, 3, 7, -7, 10, 255, 256, -256, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 1, -2 ** 53 - 1,
            2 ** 62, 2 ** 63 - 1, -2 ** 63, 2 ** 63, -2 ** 63 - 1, 2 ** 64, -2 ** 64, 2 ** 64 - 1, 2 ** 100,
            -2 ** 100, 10 ** 18, 10 ** 19, 3 ** 40, -(3 ** 41), 2 ** 1024, 2 ** 1024 - 1, 10 ** 308, 10 ** 309]
    for _ in range(60):
        vals.append(rnd.randint(-1000, 1000))
    for _ in range(60):
        vals.append(rnd.getrandbits(rnd.randint(1, 64)) * rnd.choice((1, -1)))
    for _ in range(40):
        vals.append(rnd.getrandbits(rnd.randint(60, 300)) * rnd.choice((1, -1)))
    for _ in range(3):
        vals.append(rnd.getrandbits(rnd.randint(1000, 3000)) * rnd.choice((1, -1)))
    return vals


INTS = int_values()


def ints():
    lines = []
    small = [v for v in INTS if abs(v) < 2 ** 70]
    binops = {
        "add": lambda a, b: str(a + b), "sub": lambda a, b: str(a - b), "mul": lambda a, b: str(a * b),
        "floordiv": lambda a, b: str(a // b), "mod": lambda a, b: str(a % b),
        "divmod": lambda a, b: "%d,%d" % divmod(a, b), "truediv": lambda a, b: bits(a / b),
        "and": lambda a, b: str(a & b), "or": lambda a, b: str(a | b), "xor": lambda a, b: str(a ^ b),
        "cmp": lambda a, b: str((a > b) - (a < b)),
    }
    for i in range(len(INTS) * 10):
        a = rnd.choice(INTS)
        b = rnd.choice(INTS)
        op = rnd.choice(sorted(binops))
        lines.append("%s\t%d\t%d\t%s" % (op, a, b, outcome(lambda: binops[op](a, b))))
    for a in INTS:
        for b in (0, 1, -1, 2, 3, 2 ** 64, -(2 ** 64)):
            for op in ("floordiv", "mod", "divmod", "truediv"):
                lines.append("%s\t%d\t%d\t%s" % (op, a, b, outcome(lambda: binops[op](a, b))))
        for op in ("neg", "abs", "invert", "bitlength", "float"):
            f = {"neg": lambda: str(-a), "abs": lambda: str(abs(a)), "invert": lambda: str(~a),
                 "bitlength": lambda: str(a.bit_length()), "float": lambda: bits(float(a))}[op]
            lines.append("%s\t%d\t%s" % (op, a, outcome(f)))
    for _ in range(400):
        a = rnd.getrandbits(rnd.randint(54, 1100))
        b = rnd.getrandbits(rnd.randint(1, 1100)) + 1
        if rnd.random() < 0.5:
            a = -a
        lines.append("truediv\t%d\t%d\t%s" % (a, b, outcome(lambda: bits(a / b))))
    for a, b in ((1, 2 ** 1074), (1, 2 ** 1075), (3, 2 ** 1076), (2 ** 1075 + 1, 2 ** 2149), (1, 3 * 2 ** 1073),
                 (2 ** 1024, 1), (2 ** 1024 - 2 ** 970, 1), (2 ** 1024 - 2 ** 971, 1), (2 ** 1024 - 2 ** 970 - 1, 1),
                 (10 ** 400, 10 ** 399), (1, 10 ** 400), (-1, 10 ** 400), (0, -5), (2 ** 53 + 1, 1),
                 (2 ** 64 + 1, 2 ** 11), (2 ** 2000 + 1, 2 ** 1990 * 3)):
        lines.append("truediv\t%d\t%d\t%s" % (a, b, outcome(lambda: bits(a / b))))
    for a in small[:120]:
        for b in (0, 1, 2, 3, 5, 17, 63, 64, 100, -1, -2, -3):
            lines.append("pow\t%d\t%d\t%s" % (a, b, outcome(lambda: str(a ** b) if b >= 0 else bits(a ** b))))
    for a in (0, 1, -1, 2, -2, 10):
        for b in (2 ** 70, -(2 ** 70), 10 ** 400, -(10 ** 400)):
            if abs(a) < 2 or b < 0:
                lines.append("pow\t%d\t%d\t%s" % (a, b, outcome(lambda: str(a ** b) if b >= 0 else bits(a ** b))))
    for _ in range(600):
        a = rnd.choice(INTS)
        b = rnd.choice(INTS)
        m = rnd.choice(INTS + [0, 1, -1, 7, -7, 97])
        if abs(b) > 2 ** 100 and rnd.random() < 0.5:
            b = rnd.randint(-10, 10)
        lines.append("pow3\t%d\t%d\t%d\t%s" % (a, b, m, outcome(lambda: str(pow(a, b, m)))))
    for a in INTS:
        for n in (0, 1, 2, 31, 32, 63, 64, 65, 100, 1000, -1, 2 ** 70):
            lines.append("lshift\t%d\t%d\t%s" % (a, n, outcome(lambda: str(a << n))))
            lines.append("rshift\t%d\t%d\t%s" % (a, n, outcome(lambda: str(a >> n))))
    for a in INTS:
        lines.append("str\t%d\t%s" % (a, outcome(lambda: str(a))))
        for base in (2, 8, 16):
            lines.append("bin\t%d\t%s" % (a, outcome(lambda: bin(a)))) if base == 2 else None
            lines.append("oct\t%d\t%s" % (a, outcome(lambda: oct(a)))) if base == 8 else None
            lines.append("hex\t%d\t%s" % (a, outcome(lambda: hex(a)))) if base == 16 else None
    sys.set_int_max_str_digits(4300)
    for a in (10 ** 4299, 10 ** 4300 - 1, 10 ** 4300, -(10 ** 4300 - 1), -(10 ** 4300), 2 ** 14400, 2 ** 14200,
              7 ** 6000, 10 ** 5000):
        lines.append("str\t%s\t%s" % (hex(a), outcome(lambda: str(a))))
    for s in ("1" * 4300, "1" * 4301, "-" + "1" * 4301, "1_" * 4300 + "1", "1" * 5000 + "x", "0" * 4301,
              "f" * 5000):
        for base in (10, 0, 16, 36):
            lines.append("parse\t%s\t%d\t%s" % (esc(s), base, outcome(lambda: hex(int(s, base)))))
    sys.set_int_max_str_digits(0)
    strings = ["0", "-0", "+0", "00", "010", "0_0", "0x1f", "0X1F", "0o17", "0O17", "0b101", "0B101", "-0b1",
               "0x_1f", "0x__1f", "0_x1f", "1_000", "1__000", "_1", "1_", " 12 ", "\t-12\n", "+ 12", "--1", "",
               " ", "abc", "z", "Z", "9", "19", "0x", "0b", "0b2", "0o8", "1e5", "1.0", "12\u00e934",
               "\u0661\u0662", "\u00a012\u2003", "0_", "0x_", "1 2", "0b_1", "12" + "x" * 300, "\u00e9" * 300,
               "0000000000000000000123", "9223372036854775807", "9223372036854775808",
               "-9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "\x00",
               "1\x00", "\U0001D7D9\U0001D7DA", "\u0669" * 25, "٣_٣", "0o_7", "0b1_0_1", "07", "0_7",
               "00_0", "0xg", "ff", "FF", "zz", "ZZ_Z", "'", "a'b\"c", "\\"]
    for s in strings:
        for base in (0, 2, 8, 10, 16, 36, 1, 37, -1):
            lines.append("parse\t%s\t%d\t%s" % (esc(s), base, outcome(lambda: str(int(s, base)))))
    for a in INTS:
        for base in rnd.sample(range(2, 37), 4) + [10]:
            s = int_to_base(a, base)
            s = s if rnd.random() < 0.7 else s.upper()
            lines.append("parse\t%s\t%d\t%s" % (esc(s), base, outcome(lambda: str(int(s, base)))))
    for x in FLOATS[:400] + [1e300, -1e300, 2.0 ** 63, -2.0 ** 63, 2.0 ** 64, -0.0, 0.5, -0.5, -1.5, 1e19]:
        lines.append("fromfloat\t%s\t%s" % (bits(x), outcome(lambda: str(int(x)))))
    write("ints.txt", lines)


def int_to_base(a, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    n = abs(a)
    out = ""
    while True:
        out = digits[n % base] + out
        n //= base
        if n == 0:
            break
    return ("-" if a < 0 else "") + out


# ---------------------------------------------------------------- format specs
def random_spec(types):
    parts = []
    if rnd.random() < 0.4:
        if rnd.random() < 0.5:
            parts.append(rnd.choice(["*", "0", " ", "x", "\u00e9", "\u20ac", "\U0001F600", "<", "=", "_", ",", "{"]))
        parts.append(rnd.choice("<>=^"))
    if rnd.random() < 0.35:
        parts.append(rnd.choice("+- "))
    if rnd.random() < 0.08:
        parts.append("z")
    if rnd.random() < 0.25:
        parts.append("#")
    if rnd.random() < 0.25:
        parts.append("0")
    if rnd.random() < 0.6:
        parts.append(str(rnd.choice([0, 1, 2, 5, 8, 10, 12, 15, 20, 25, 40])))
    if rnd.random() < 0.25:
        parts.append(rnd.choice([",", "_", ",", "_"]))
    if rnd.random() < 0.45:
        parts.append("." + str(rnd.choice([0, 1, 2, 3, 5, 6, 10, 17, 20])))
    if rnd.random() < 0.85:
        parts.append(rnd.choice(types))
    return "".join(parts)


def random_str_spec():
    parts = []
    if rnd.random() < 0.6:
        if rnd.random() < 0.5:
            parts.append(rnd.choice(["*", "0", " ", "x", "\u00e9", "\U0001F600", "<", "=", "_"]))
        parts.append(rnd.choice("<>^"))
    if rnd.random() < 0.2:
        parts.append("0")
    if rnd.random() < 0.7:
        parts.append(str(rnd.choice([0, 1, 2, 3, 5, 8, 10, 13, 20])))
    if rnd.random() < 0.4:
        parts.append("." + str(rnd.choice([0, 1, 2, 3, 5, 10])))
    if rnd.random() < 0.5:
        parts.append("s")
    return "".join(parts)


def formats():
    lines = []
    int_types = "bcdoxXneEfFgG%s"
    float_types = "eEfFgGn%dxs"
    str_types = "sdf"
    format_ints = [v for v in INTS if abs(v) < 2 ** 200] + [0, 65, 0x10ffff, 0x110000, -5, 1234567, -1234567,
                                                             10 ** 12, 2 ** 70]
    for _ in range(5000):
        v = rnd.choice(format_ints)
        spec = random_spec(int_types)
        lines.append("int\t%d\t%s\t%s" % (v, esc(spec), outcome(lambda: format(v, spec))))
    for _ in range(7000):
        x = rnd.choice(FLOATS)
        spec = random_spec(float_types)
        lines.append("float\t%s\t%s\t%s" % (bits(x), esc(spec), outcome(lambda: format(x, spec))))
    strs = ["", "a", "abc", "hello world", "\u00e9t\u00e9", "\U0001F600x", "a\u20acb", "x" * 30, "'q'", "12345"]
    for _ in range(2500):
        v = rnd.choice(strs)
        spec = random_spec(str_types) if rnd.random() < 0.3 else random_str_spec()
        lines.append("str\t%s\t%s\t%s" % (esc(v), esc(spec), outcome(lambda: format(v, spec))))
    fixed = {
        "int": ["", "z", ".2", "+c", "#c", "c", ",_", "_,", ",,", "__", ",x", "_x", "_c", "_b", "_o", "_X", ",b",
                "\x01", "\u00e9", "dd", ".", "9" * 30, "." + "9" * 30, "\u0663", "\u0661\u0660", "020,", "020_",
                "020_x", "#020_b", "=10", "0=10", "x=+#10_x", "<010", "^", "^9", ",d", ",n", "n", "010n", "+n",
                "%", ".3%", ",.2f", "015,.2f", "0<15", "-", "- 5", " d", "+d", "-d", "#d", "#o", "#X", "#x",
                "0", "00", "000", "05", "0=5", "*^8c", "08c", "<08c"],
        "float": ["", "z", "z.1f", "z.0f", "zg", "z%", "#", "#.0f", "#.0e", "#g", "#.3g", ".0", ".1", ".3", ".16",
                  ".17", ",", "_", ",.2f", "_.2f", "020,.2f", "020_.3e", "010", "=+10", "+010", "-010", " 010",
                  "010n", "n", ".3n", ",n", "_n", "x<20,.3f", "\u00e9^20", "%", ".1%", "10.1%", "#.0%",
                  "." + "9" * 15, "." + "9" * 30, ".", "c", "d", "s", "b", "ee", "0>10", "0<10", "0^10", ">"],
        "str": ["", "s", "z", "+", " ", "-", "#", "=", "=5", "05", "0", ".0", ".2", "10.2", "^10.2", "x^10",
                "\U0001F600>5", "d", ",", "_", ",s", "ss", "!", ".", ">0", "<0", "99999999999999999999"],
    }
    for kind, specs in fixed.items():
        for spec in specs:
            values = {"int": [0, 1, -1, 65, -1234567, 2 ** 70, -(2 ** 70), 0x110000, 255],
                      "float": [0.0, -0.0, 1.5, -1.5, 1234567.891, -0.0001, 1e16, 1e-7, 123456789012345678.0,
                                math.inf, -math.inf, math.nan, 5e-324, 1.7976931348623157e308, -0.004],
                      "str": ["", "ab", "\u00e9\U0001F600xyz", "'"]}[kind]
            for v in values:
                shown = str(v) if kind == "int" else bits(v) if kind == "float" else esc(v)
                lines.append("%s\t%s\t%s\t%s" % (kind, shown, esc(spec), outcome(lambda: format(v, spec))))
    for v in (10 ** 4300, 10 ** 4300 - 1):
        for spec in ("", "d", ",", "x", "n", "e", "20"):
            sys.set_int_max_str_digits(4300)
            result = outcome(lambda: format(v, spec))
            sys.set_int_max_str_digits(0)
            lines.append("int\t%s\t%s\t%s" % (hex(v), esc(spec), result))
    write("formatspec.txt", lines)


# ---------------------------------------------------------------- %-formatting
def enc(v):
    """Typed encoding of a Python value for PercentFormatTest."""
    if v is True or v is False:
        return "T" if v else "F"
    if v is None:
        return "N"
    if isinstance(v, int):
        return "i%d;" % v
    if isinstance(v, float):
        return "f" + bits(v)
    if isinstance(v, str):
        e = esc(v)
        return "s%d:%s" % (len(e), e)
    if isinstance(v, tuple):
        return "(" + "".join(enc(x) for x in v) + ")"
    if isinstance(v, list):
        return "[" + "".join(enc(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + "".join(enc(k) + enc(x) for k, x in v.items()) + "}"
    raise TypeError(v)


PCT_VALUES = [0, 1, -1, 7, 255, -255, 65, 1234567, -1234567, 2 ** 64, -(2 ** 70), 0x10ffff, 0x110000, True, False,
              0.0, -0.0, 1.5, -1.5, 0.5, 2.5, 1e16, 1e-7, 123.456, math.inf, -math.inf, math.nan, 1e300, 5e-324,
              "", "a", "abc", "h\u00e9llo", "\U0001F600", "it's", "x\ty", None, (1, 2), [1, "a"], {"k": 1}]


def random_pct():
    parts = ["%"]
    for _ in range(rnd.choice([0, 0, 1, 1, 2])):
        parts.append(rnd.choice("-+ #0"))
    star_args = []
    r = rnd.random()
    if r < 0.4:
        parts.append(str(rnd.choice([0, 1, 3, 5, 8, 10, 12, 20])))
    elif r < 0.5:
        parts.append("*")
        star_args.append(rnd.choice([-8, -3, 0, 2, 5, 10]))
    r = rnd.random()
    if r < 0.35:
        parts.append("." + str(rnd.choice([0, 1, 2, 3, 6, 10, 17])))
    elif r < 0.42:
        parts.append(".*")
        star_args.append(rnd.choice([-1, 0, 1, 3, 8]))
    elif r < 0.45:
        parts.append(".")
    if rnd.random() < 0.03:
        parts.append(rnd.choice("hlL"))
    parts.append(rnd.choice("sradiuoxXeEfFgGcsdf"))
    return "".join(parts), star_args


def matching_value(conversion):
    if conversion in "sra":
        return rnd.choice(PCT_VALUES)
    if conversion in "oxX":
        return rnd.choice([v for v in INTS if abs(v) < 2 ** 100] + [True, 0])
    if conversion in "diu":
        return rnd.choice([v for v in INTS if abs(v) < 2 ** 100] + FLOATS[:50] + [True])
    if conversion in "eEfFgG":
        return rnd.choice(FLOATS + [0, 1, -7, 2 ** 70, True])
    return rnd.choice([65, 0x1F600, 0xe9, 32, "x", "\u00e9", "\U0001F600", 0x10ffff])


def percent():
    lines = []
    for _ in range(6000):
        n = rnd.choice([1, 1, 1, 2, 3])
        fmt = ""
        args = []
        for _ in range(n):
            spec, star = random_pct()
            fmt += rnd.choice(["", "", "x", " | ", "\u00e9", "%%"]) + spec
            args += star
            args.append(rnd.choice(PCT_VALUES) if rnd.random() < 0.25 else matching_value(spec[-1]))
        fmt += rnd.choice(["", "", "!", "%%"])
        if rnd.random() < 0.05:
            args.append(1)
        if rnd.random() < 0.05 and args:
            args.pop()
        a = tuple(args) if len(args) != 1 or rnd.random() < 0.5 or isinstance(args[0], tuple) else args[0]
        lines.append("%s\t%s\t%s" % (esc(fmt), enc(a), outcome(lambda: fmt % a)))
    d = {"a": 1, "b": 2.5, "name": "Bob", "(x)": 2, "x)(y": 3, "": "empty", "t": (1, 2)}
    fixed = [
        ("%c", 1.5), ("%c", "ab"), ("%c", 2 ** 70), ("%c", -1), ("%c", "\U0001F600"), ("%c", 0x10ffff),
        ("%5%", ()), ("%y", ()), ("%y", 1), ("%\x01", 1), ("%\u00e9", 1), ("%", 1), ("%(a", d), ("%(a)", d),
        ("%(a)s", 1), ("%(a)s %s", d), ("%s %(a)s", d), ("abc", []), ("abc", 5), ("abc", {}), ("%s", ()),
        ("%s %s", (1,)), ("%d", "x"), ("%x", 1.5), ("%d", 1.9), ("%d", -1.9), ("%d", math.inf), ("%d", math.nan),
        ("%f", "x"), ("%*d", ("a", 1)), ("%*d", (-5, 1)), ("%.*f", (-2, 1.5)), ("%.*f", ("x", 1.5)),
        ("%05s", "ab"), ("%-05d", 3), ("%+05d", 3), ("%#-8x", 255), ("%#08X", 255), ("%#.5o", 8), ("%ld", 5),
        ("%hs", "a"), ("%Lf", 1.0), ("%lld", 1), ("%+s", "a"), ("% d", 5), ("%+ d", 5), ("% +d", 5),
        ("%05c", 65), ("%.3c", "x"), ("%(x)(y)s", {"x)(y": 1, "y": 2}), ("%((x))s", d), ("%a", "\u00e9"),
        ("%r", "\u00e9"), ("%10.3a", "\u00e9"), ("%d", True), ("%s", True), ("%x", True), ("%f", True),
        ("%.0f", 0.5), ("%#.0f", 0.5), ("%#x", -255), ("%+x", 255), ("%.2d", -5), ("%010.2f", -1.5),
        ("%+.1e", 0.0), ("%e", math.nan), ("%010f", -math.inf), ("%*s", (2 ** 63, "a")), ("%.*s", (2 ** 31, "a")),
        ("%99999999999999999999d", 1), ("%.99999999999d", 1), ("%s", [1]), ("%(name)s is %(a)d", d),
        ("%(name)-10s|%(b)08.3f|", d), ("%()s", d), ("%(t)s", d), ("%s", (d,)), ("%(a)s%%", d), ("%%%s", "x"),
        ("%5.2f %s %r %d %x %o %e %g %c %%", (3.14159, "s", "r", 42, 255, 8, 12345.678, 0.0001, 65)),
        ("%-*.*s|", (8, 3, "abcdef")), ("%*.*f", (10, 2, -3.14159)), ("%#o", 0), ("%#x", 0), ("%o", -8),
        ("%.0e", 12345.0), ("%#.0e", 12345.0), ("%g", 1e16), ("%#g", 1.0), ("%G", 1e-10), ("%F", math.inf),
        ("%s", 10 ** 4400), ("%d", 10 ** 4400), ("%x", 10 ** 4400), ("%s %s", ("a", "b", "c")),
        ("%(a)s", [1]), ("%s", {"k": "v"}), ("%i", 3.999), ("%u", -7), ("%X", 48879), ("%-#10X", 48879),
        ("%+#10o", 8), ("% #10x", 255), ("%0#10x", -255), ("%-010.3d", -5), ("%010s", 5), ("%+010r", "ab"),
    ]
    for fmt, a in fixed:
        sys.set_int_max_str_digits(4300)
        result = outcome(lambda: fmt % a)
        sys.set_int_max_str_digits(0)
        lines.append("%s\t%s\t%s" % (esc(fmt), enc(a), result))
    write("percent.txt", lines)


# ---------------------------------------------------------------- hashes (PYTHONHASHSEED=0)
def random_text(alphabet_max, n):
    out = []
    for _ in range(n):
        c = rnd.randint(0, alphabet_max)
        if 0xD800 <= c <= 0xDFFF and rnd.random() < 0.9:
            c = 0x41
        out.append(chr(c))
    return "".join(out)


def hashes():
    import os
    if os.environ.get("PYTHONHASHSEED") != "0":
        sys.exit("regen-pylib-cases: hashes need PYTHONHASHSEED=0")
    lines = []
    for v in INTS + [2 ** 61 - 1, 2 ** 61, 2 ** 61 - 2, -(2 ** 61 - 1), -(2 ** 61), 2 ** 122, -2, -1, 2 ** 63 - 1,
                     -2 ** 63, 10 ** 100, -(10 ** 100)]:
        lines.append("int\t%d\t%d" % (v, hash(v)))
    for x in FLOATS + [2.0 ** 61, 2.0 ** 61 - 1, -1.0, 2.0 ** 1000, 2.0 ** -1000, 0.5, -0.5, 1e-320]:
        if not math.isnan(x):
            lines.append("float\t%s\t%d" % (bits(x), hash(x)))
    texts = ["", "a", "ab", "abc", "abcdefg", "abcdefgh", "abcdefghi", "hello world", "\x00", "\xff", "\u00e9t\u00e9",
             "\u0100", "\u20ac", "\uffff", "\U00010000", "\U0010ffff", "a\U0001F600b", "\ud800", "x\udfffy",
             "__init__", "self", "None", "-1"]
    for n in list(range(0, 25)) + [31, 32, 33, 64, 100, 1000]:
        for top in (0x7f, 0xff, 0xffff, 0x10ffff):
            texts.append(random_text(top, n))
    for _ in range(300):
        texts.append(random_text(rnd.choice((0x7f, 0xff, 0x3000, 0x10ffff)), rnd.randint(0, 40)))
    for t in texts:
        lines.append("str\t%s\t%d" % (esc(t), hash(t)))
    for _ in range(200):
        b = bytes(rnd.getrandbits(8) for _ in range(rnd.randint(0, 40)))
        lines.append("bytes\t%s\t%d" % (b.hex(), hash(b)))
    items = [0, 1, -1, -2, 2 ** 61 - 2, 1.5, math.inf, "a", "", "xyz", True, (), (1, 2), ("a", (1,)), 10 ** 30]
    for n in range(0, 8):
        for _ in range(30 if n else 1):
            t = tuple(rnd.choice(items) for _ in range(n))
            lines.append("tuple\t%s\t%d" % (",".join(str(hash(x)) for x in t), hash(t)))
    write("hashes.txt", lines)


# ---------------------------------------------------------------- random
def randoms():
    lines = []
    seeds = [("int", v) for v in (0, 1, -1, 2, 42, -42, 12345, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 63, 2 ** 64 - 1,
                                  -(2 ** 70), 12345678901234567890123, 10 ** 100, 2 ** 19937 - 1, 3 ** 5000)]
    seeds += [("float", x) for x in (0.5, 1.5, -2.25, 3.0, 1e300, -0.0)]
    seeds += [("str", t) for t in ("", "hello", "\u00e9t\u00e9 \U0001F600")]
    seeds += [("bytes", b) for b in (b"", b"abc", bytes(range(256)))]
    for kind, seed in seeds:
        r = random.Random(seed)
        if kind == "int":
            shown = hex(seed)
        elif kind == "float":
            shown = "%s\t%d" % (bits(seed), hash(seed))
        elif kind == "str":
            shown = esc(seed)
        else:
            shown = seed.hex()
        lines.append("seed\t%s\t%s" % (kind, shown))
        for _ in range(5):
            lines.append("random\t\t%s" % bits(r.random()))
        ops = []
        for _ in range(60):
            op = rnd.choice(["random", "getrandbits", "randrange1", "randrange3", "randint", "choice", "shuffle",
                             "sample", "uniform", "u32"])
            if op == "random":
                lines.append("random\t\t%s" % bits(r.random()))
            elif op == "u32":
                lines.append("getrandbits\t32\t%d" % r.getrandbits(32))
            elif op == "getrandbits":
                k = rnd.choice([0, 1, 5, 31, 32, 33, 53, 63, 64, 65, 100, 1000])
                lines.append("getrandbits\t%d\t%d" % (k, r.getrandbits(k)))
            elif op == "randrange1":
                n = rnd.choice([1, 2, 3, 10, 100, 2 ** 31, 2 ** 32, 2 ** 64 + 1, 10 ** 30, -3, 0])
                lines.append("randrange1\t%d\t%s" % (n, outcome(lambda: str(r.randrange(n)))))
            elif op == "randrange3":
                a = rnd.choice([0, 1, -10, 5, 2 ** 40, -(2 ** 70)])
                b = rnd.choice([0, 10, -3, 5, 100, 2 ** 41, 2 ** 70])
                st = rnd.choice([1, 1, 2, 3, -1, -2, 7, 0, 2 ** 33])
                lines.append("randrange3\t%d,%d,%d\t%s" % (a, b, st, outcome(lambda: str(r.randrange(a, b, st)))))
            elif op == "randint":
                a = rnd.choice([0, 1, -10, 5, 6])
                b = rnd.choice([0, 6, 10, 2 ** 40, 4])
                lines.append("randint\t%d,%d\t%s" % (a, b, outcome(lambda: str(r.randint(a, b)))))
            elif op == "choice":
                n = rnd.choice([0, 1, 2, 5, 26, 1000])
                lines.append("choice\t%d\t%s" % (n, outcome(lambda: str(r.choice(range(n))))))
            elif op == "shuffle":
                n = rnd.choice([0, 1, 2, 5, 10, 52])
                x = list(range(n))
                r.shuffle(x)
                lines.append("shuffle\t%d\t%s" % (n, ",".join(map(str, x))))
            elif op == "sample":
                n = rnd.choice([0, 3, 10, 30, 100, 1000])
                k = rnd.choice([0, 1, 3, 5, 6, 10, 20, 40])
                lines.append("sample\t%d,%d\t%s" % (n, k, outcome(lambda: ",".join(map(str, r.sample(range(n), k))))))
            elif op == "uniform":
                a = rnd.choice([0.0, -1.5, 10.0, 1e300])
                b = rnd.choice([1.0, 2.5, -10.0, -1e300])
                lines.append("uniform\t%s,%s\t%s" % (bits(a), bits(b), bits(r.uniform(a, b))))
        state = r.getstate()[1]
        lines.append("state\t\t%s" % ",".join(map(str, state)))
    write("random.txt", lines)


# ---------------------------------------------------------------- str repr and predicates
def code_point_ranges(predicate):
    out = []
    start = None
    for c in range(0x110001):
        inside = c < 0x110000 and predicate(chr(c))
        if inside and start is None:
            start = c
        elif not inside and start is not None:
            out.append("%x-%x" % (start, c - 1))
            start = None
    return out


def strings():
    lines = []
    lines += ["notprintable\t" + r for r in code_point_ranges(lambda ch: not ch.isprintable())]
    lines += ["space\t" + r for r in code_point_ranges(lambda ch: ch.isspace())]
    texts = ["", "a", "'", '"', "'\"", "a'b", 'a"b', "\\", "\t\n\r\x00\x1f\x7f\x80\x9f\xa0\xad\xff",
             "\u00e9t\u00e9", "\u2028\u2029\u3000\u200b\ufeff", "\ud800", "\udfff", "\U0001F600",
             "\U000E0001", "\U0010FFFF", "\uE000", "\u0378", "\u0897", "\U0001FAE9"]
    for _ in range(400):
        texts.append(random_text(rnd.choice((0x7f, 0xff, 0x3000, 0x10ffff)), rnd.randint(0, 12)))
    for t in texts:
        lines.append("repr\t%s\t%s\t%s" % (esc(t), esc(repr(t)), esc(ascii(t))))
    write("strings.txt", lines)


SECTIONS = {"floats": floats, "ints": ints, "formats": formats, "percent": percent, "hashes": hashes,
            "randoms": randoms, "strings": strings}
for section in SECTIONS.values():
    section()
