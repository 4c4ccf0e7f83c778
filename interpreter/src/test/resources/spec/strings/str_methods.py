s = "  Hello, World  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print(s.upper(), s.lower(), "hello world".title(), "hELLO".capitalize(), "AbC".swapcase())
print("a,b,,c".split(","), "a b  c".split(), "a-b-c".split("-", 1), "a-b-c".rsplit("-", 1))
print("line1\nline2\n".splitlines(), "-".join(["x", "y", "z"]), "".join([]))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"), "hello".count("l"))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1))
print("hello".startswith("he"), "hello".endswith("lo"), "hello".startswith(("x", "h")))
print("abc".isalpha(), "123".isdigit(), "a1".isalnum(), "   ".isspace(), "abc".islower(), "ABC".isupper())
print("42".zfill(5), "-42".zfill(5), "ab".center(6, "*"), "ab".ljust(4, "."), "ab".rjust(4))
print("a\tb".expandtabs(4), "x".join("abc"), "title case words".title())
print("a=b=c".partition("="), "a=b=c".rpartition("="), "abc".partition("x"))
print(str(12), str(1.5), str(None), str([1, "a"]), str((1,)), str({"k": 1}))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
