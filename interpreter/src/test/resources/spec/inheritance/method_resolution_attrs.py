class Base:
    greeting = "base"
    def hello(self):
        return f"{self.greeting} hello"
    def overridden(self):
        return "base version"

class Child(Base):
    greeting = "child"
    def overridden(self):
        return "child version / " + Base.overridden(self)

c = Child()
print(c.hello(), c.overridden(), Base.hello(c))
c.greeting = "instance"
print(c.hello())
del c.greeting
print(c.hello())
print(hasattr(Child, "hello"), "hello" in Child.__dict__, "hello" in Base.__dict__)
