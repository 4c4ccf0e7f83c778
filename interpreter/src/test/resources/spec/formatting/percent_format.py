print("%s and %s" % ("this", "that"))
print("%d items cost %.2f" % (3, 9.5))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%e %.3e %g %g" % (12345.678, 0.000123, 0.00001, 123456789.0))
print("%r %s" % ("quoted", "plain"), "%%" % (), "%c%c" % (72, "i"))
print("%(name)s is %(age)d" % {"name": "Ann", "age": 30})
print("%10.3f|%-10s|%*d" % (3.14159, "left", 6, 7))
print("single %s" % "value", "%s" % (1,), "%s" % [1, 2])
try:
    "%d" % "x"
except TypeError as e:
    print(e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print(e)
