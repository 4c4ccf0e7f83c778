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
        return "=" + fn()
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
    write("floats.txt", lines)


SECTIONS = {"floats": floats}
for name in (sys.argv[2:] or SECTIONS):
    SECTIONS[name]()
