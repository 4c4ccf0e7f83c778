# An uncaught exception raised inside a generator: the traceback goes through the generator frame.
def parse(lines):
    for line in lines:
        yield int(line)


def total(lines):
    return sum(parse(lines))


print(total(["1", "2"]))
print(total(["3", "x"]))
