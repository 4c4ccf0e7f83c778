# Literals are code constants: one object per literal, shared by every evaluation.
def text():
    return "hello world"


def number():
    return 1000003


def ratio():
    return 2.5


def big():
    return 123456789012345678901234567890


print(text() is text(), number() is number(), ratio() is ratio(), big() is big())
total = 0
for i in range(5):
    total += 1000003 * i + 0.5
print(total)
s = ""
for i in range(3):
    s += "ab" + "cd"
print(s, len(s), s.count("abcd"))
words = [w.upper() for w in "a bb ccc".split(" ")]
words.append("dd".replace("d", "e"))
print(words, ",".join(words), {"k": 1}.get("k"), (3, 4).index(4))
