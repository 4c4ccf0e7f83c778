import textwrap
w = textwrap.TextWrapper(width=15, max_lines=2, placeholder="...")
print(w.wrap("one two three four five six seven eight"))
w2 = textwrap.TextWrapper(width=10, expand_tabs=True, tabsize=4)
print(w2.wrap("a\tb c d e f g h"))
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print(e)
