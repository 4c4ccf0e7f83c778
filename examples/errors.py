# Exceptions, tracebacks and recursion limits as CPython reports them.
def parse(values):
    return [int(v) for v in values]


def average(values):
    numbers = parse(values)
    return sum(numbers) / len(numbers)


print(average(["1", "2", "3"]))
try:
    average([])
except ZeroDivisionError as e:
    print("caught:", type(e).__name__, e)


def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print("caught:", e)

average(["4", "five"])
