class Temperature:
    units = ("C", "F", "K")

    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32

    @staticmethod
    def c_to_k(c):
        return c + 273.15

    conversions = {"F": c_to_f, "K": c_to_k}

    @classmethod
    def convert(cls, value, unit):
        if unit == "C":
            return value
        return cls.conversions[unit].__func__(value)

    @staticmethod
    def table(values):
        return [(v, Temperature.c_to_f(v)) for v in values]


for unit in Temperature.units:
    print(unit, Temperature.convert(100, unit))
print(Temperature.table([0, 37, -40]))
t = Temperature()
print(t.c_to_k(0), t.convert(10, "F"))
sm = staticmethod(len)
cm = classmethod(lambda cls, x: (cls.__name__, x))


class Holder:
    size = sm
    info = cm


print(Holder.size("four"), Holder().size([1]), Holder.info(5), Holder().info(6))
