text = "first\nsecond\r\nthird\rfourth\n"
print(text.splitlines())
print(text.splitlines(True))
print(text.splitlines(keepends=True))
print("".splitlines(True), "\n".splitlines(True), "no newline".splitlines(True))
print("".join(text.splitlines(True)) == text)
