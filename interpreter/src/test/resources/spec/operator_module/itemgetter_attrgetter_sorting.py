import operator


class Employee:
    def __init__(self, name, dept, salary, boss=None):
        self.name = name
        self.dept = dept
        self.salary = salary
        self.boss = boss

    def __repr__(self):
        return self.name


ceo = Employee("ceo", "exec", 300)
staff = [
    Employee("dana", "eng", 120, ceo),
    Employee("ari", "ops", 90, ceo),
    Employee("bo", "eng", 110, ceo),
    Employee("cy", "ops", 95, ceo),
]
print(sorted(staff, key=operator.attrgetter("salary")))
print(sorted(staff, key=operator.attrgetter("dept", "name")))
print(list(map(operator.attrgetter("boss.name"), staff[:2])))
get_pair = operator.attrgetter("name", "salary")
print([get_pair(e) for e in staff])
rows = [("b", 2, "x"), ("a", 3, "y"), ("c", 1, "z"), ("a", 1, "w")]
print(sorted(rows, key=operator.itemgetter(1)))
print(sorted(rows, key=operator.itemgetter(0, 1)))
print(operator.itemgetter(-1)("abc"), operator.itemgetter(slice(1, 3))([5, 6, 7, 8]))
print(operator.itemgetter("k", "j")({"k": 1, "j": 2}))
print(max(staff, key=operator.attrgetter("salary")), min(rows, key=operator.itemgetter(2)))
inventory = {"apple": 3, "pear": 0, "fig": 7}
print(sorted(inventory.items(), key=operator.itemgetter(1), reverse=True))
upper = operator.methodcaller("upper")
split = operator.methodcaller("split", "-", 1)
print(upper("abc"), split("a-b-c"))
try:
    operator.attrgetter("missing")(ceo)
except AttributeError as e:
    print("AttributeError:", e)
try:
    operator.itemgetter(5)([1, 2])
except IndexError as e:
    print("IndexError:", e)
