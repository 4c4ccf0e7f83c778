print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0)
print(not 1, not 0, not not "x")
def t(name, value):
    print("eval", name)
    return value
print(t("a", 0) and t("b", 1))
print(t("c", 1) or t("d", 0))
print(t("e", 1) and t("f", 0) or t("g", 2))
x = 5
print(x > 3 and x < 10, x < 3 or x > 4, not x == 5)
print([] or {} or "last", [1] and (2,) and "end")
