# A suspended generator that yields again when closed by deallocation: the RuntimeError is reported, not raised.
def stubborn():
    while True:
        try:
            yield "still here"
        except GeneratorExit:
            print("refusing to exit")


s = stubborn()
print(next(s))
del s
print("after del")
