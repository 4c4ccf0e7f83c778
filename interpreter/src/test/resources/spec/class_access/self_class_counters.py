class Animal:
    count = 0
    sound = "..."
    registry = []

    def __init__(self, name):
        self.name = name
        self.__class__.count += 1
        self.__class__.registry.append(name)

    def speak(self):
        return f"{self.name} says {self.__class__.sound}"

    def kind(self):
        return self.__class__.__name__

    def clone(self):
        return self.__class__(self.name + "2")


class Dog(Animal):
    sound = "woof"
    count = 0


class Cat(Animal):
    sound = "meow"


a = Animal("generic")
d1 = Dog("rex")
d2 = d1.clone()
c = Cat("tom")
print(a.speak(), d1.speak(), c.speak(), d2.speak())
print(Animal.count, Dog.count, Cat.count, Cat.__dict__.get("count"))
print(Animal.registry is Dog.registry, Animal.registry)
print([x.kind() for x in (a, d1, d2, c)])
print(type(d2) is Dog, d2.__class__ is Dog, isinstance(d2, Animal))
c.sound = "purr"
print(c.speak(), c.__class__.sound, Cat.sound)
del c.sound
print(c.speak())
