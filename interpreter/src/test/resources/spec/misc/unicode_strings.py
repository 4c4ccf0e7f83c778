s = "héllo wörld ✓"
print(s, len(s), s.upper(), s[1], s[-1], s.find("ö"))
print([ord(c) for c in "aé✓"], "".join(chr(c) for c in (72, 233, 10003)))
print(repr("é✓"), ascii("é✓") if False else "ascii skipped", "é" < "z", "✓" > "é")
print("naïve café".title(), "straße".upper(), "ǅ".lower())
print("a\u0301" == "á", len("a\u0301"))
for ch in "añ✓":
    print(ch, end="|")
print()
