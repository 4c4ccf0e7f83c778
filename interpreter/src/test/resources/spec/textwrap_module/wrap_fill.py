import textwrap
s = "The quick brown fox jumps over the lazy dog and keeps running through the forest until night falls."
print(textwrap.wrap(s, 20))
print(textwrap.fill(s, 30))
print(textwrap.fill(s, 25, initial_indent="* ", subsequent_indent="  "))
