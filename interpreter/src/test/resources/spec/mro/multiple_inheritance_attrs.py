class Named:
    kind = "named"
    separator = ": "

    def label(self):
        return self.kind + self.separator + self.name


class Sized:
    kind = "sized"

    def size_text(self):
        return f"{self.size} units"

    def label(self):
        return "sized " + str(self.size)


class Item(Named, Sized):
    def __init__(self, name, size):
        self.name = name
        self.size = size


class OtherItem(Sized, Named):
    def __init__(self, name, size):
        self.name = name
        self.size = size


i = Item("box", 3)
o = OtherItem("bag", 5)
print(i.kind, o.kind, i.label(), o.label(), i.size_text(), o.size_text())
print(Item.separator, OtherItem.separator, Item.label is Named.label)
Sized.separator = " = "
print(Item.separator, OtherItem.separator)
del Named.separator
print(Item.separator, OtherItem().separator if False else OtherItem.separator)
print(isinstance(i, Named), isinstance(i, Sized), issubclass(OtherItem, Named))
print([k.__name__ for k in Item.__bases__], [k.__name__ for k in OtherItem.__mro__])
print(hasattr(i, "size_text"), getattr(o, "kind"), type(i).__mro__[1].kind)
