import string

print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.ascii_letters)
print(string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation))
print(repr(string.whitespace), len(string.printable))


def caesar(text, shift):
    lower = string.ascii_lowercase
    upper = string.ascii_uppercase
    out = []
    for ch in text:
        if ch in lower:
            out.append(lower[(lower.index(ch) + shift) % 26])
        elif ch in upper:
            out.append(upper[(upper.index(ch) + shift) % 26])
        else:
            out.append(ch)
    return "".join(out)


secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))
text = "It's 9:30 -- time for tea, isn't it?"
print("".join(ch for ch in text if ch not in string.punctuation))
print(sum(ch in string.digits for ch in text), [w for w in text.split() if w.strip(string.punctuation).isalpha()])
print(string.capwords("hello   big\tworld"), string.capwords("a-b c-d", "-"))


def to_base(n, base):
    chars = string.digits + string.ascii_lowercase
    if n == 0:
        return "0"
    out = ""
    while n:
        n, r = divmod(n, base)
        out = chars[r] + out
    return out


print([to_base(255, b) for b in (2, 8, 16, 36)], int(to_base(123456, 36), 36))
