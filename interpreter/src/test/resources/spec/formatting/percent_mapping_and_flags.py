record = {"name": "widget", "qty": 7, "price": 3.14159, "ratio": 0.125}
print("%(name)s x%(qty)d @ %(price).2f" % record)
print("%(name)-10s|%(qty)05d|%(price)+.3e|%(ratio)%" % record if False else "%(name)-10s|%(qty)05d|%(price)+.3e" % record)
print("%5s|%-5s|%.2s|%c%c" % ("ab", "cd", "efgh", "X", 65))
print("%d %i %u %o %x %X %#o %#x %#X" % (42, -42, 7, 8, 255, 255, 8, 255, 255))
print("%e %E %f %F %g %G" % (12345.678, 0.00012, 1.5, 2.25, 1e-5, 3e20))
print("%10.3f|%-10.1f|%+d|% d|%010.2f" % (3.14159, 2.5, 5, 5, -3.14159))
print("%s %r %a" % ("text", "text", "caf\u00e9"))
print("%%d literal and %s" % "value", "%.0f %.0f %.0f" % (0.5, 1.5, 2.5))
print("%*d|%-*d|%.*f" % (6, 42, 6, 42, 2, 2.71828))
print("%s" % [1, 2], "%s" % ((1, 2),), "%s and %s" % (None, True))
print("%x %o %d" % (-255, -8, 2 ** 70), "%.3g|%g|%g" % (1234567, 100000, 1000000))
for fmt, args in [("%d", "x"), ("%s %s", ("one",)), ("%s", (1, 2)), ("%(k)s", (1,)), ("%z", 1), ("%c", 1114112)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
