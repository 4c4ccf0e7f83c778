s = "abcdefghij"
print(s[0], s[-1], s[3:6], s[:3], s[7:], s[::2], s[::-1], s[1:8:3], s[-3:-1])
print(s[100:], s[-100:2], s[5:2], s[5:2:-1])
print(len(s), "c" in s, "xyz" not in s, "" in s)
for ch in "hey":
    print(ch, end="-")
print()
print("ab" * 3, 2 * "cd", "x" * 0, "-" * -1 == "")
print("abc" < "abd", "abc" < "ab", "Z" < "a", "same" == "same")
try:
    s[20]
except IndexError as e:
    print("IndexError:", e)
try:
    s[0] = "z"
except TypeError as e:
    print("TypeError:", e)
