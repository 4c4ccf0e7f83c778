class Config:
    defaults = {"level": 1, "name": "cfg"}
    level = 1
    tags = ()

    def set_level(self, level):
        self.level = level

    def bump_class(self):
        self.__class__.level += 1

    def effective(self):
        return (self.level, self.__class__.level, type(self).level)

    def add_tag(self, tag):
        self.tags = self.tags + (tag,)


a = Config()
b = Config()
a.set_level(5)
print(a.effective(), b.effective())
b.bump_class()
print(a.effective(), b.effective(), Config.level)
a.add_tag("x")
a.add_tag("y")
print(a.tags, b.tags, Config.tags)
b.defaults["level"] = 9
print(a.defaults, Config.defaults is b.defaults)
print("level" in vars(a), "level" in vars(b), sorted(vars(a)))


class Sub(Config):
    level = 100


s = Sub()
s.bump_class()
print(s.effective(), Config.level, Sub.level)
setattr(Sub, "level", 7)
print(getattr(s, "level"), s.__class__.__bases__[0].level)
del Sub.level
print(s.level, Sub.level)
print(s.__class__.__mro__[1].__name__, s.__class__.__class__.__name__)
