class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

class Dog(Animal):
    sound = "woof"

    def __init__(self, name, tricks):
        super().__init__(name)
        self.tricks = tricks

    def speak(self):
        return super().speak() + "!"

class Puppy(Dog):
    def speak(self):
        return "small " + super().speak()

d = Dog("Rex", ["sit"])
p = Puppy("Bit", [])
print(d.speak(), p.speak(), Animal("Cat").speak())
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy), issubclass(Dog, object))
print(Puppy.__bases__[0].__name__, Puppy.__name__, type(p) is Puppy)
