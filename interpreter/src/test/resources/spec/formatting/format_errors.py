print("{} {}".format(1, 2))
try:
    print("{} {}".format(1))
except IndexError as e:
    print("IndexError:", e)
try:
    print("{missing}".format(present=1))
except KeyError as e:
    print("KeyError:", e)
try:
    print("{0} {}".format(1, 2))
except ValueError as e:
    print("ValueError:", e)
try:
    print("{".format())
except ValueError as e:
    print("ValueError:", e)
try:
    print("}".format())
except ValueError as e:
    print("ValueError:", e)
try:
    print("{!x}".format(1))
except ValueError as e:
    print("ValueError:", e)
try:
    print("{:q}".format(3))
except ValueError as e:
    print("ValueError:", e)
print("{0[1]}".format("xyz"), "{0[0]}".format([5]))
"{:d}".format("not a number")
