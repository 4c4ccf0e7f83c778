import textwrap
print(textwrap.wrap("One. Two?  Three! end", 40, fix_sentence_endings=True))
print(textwrap.wrap("keep   inner   spaces", 40, drop_whitespace=False))
print(textwrap.fill("tab\there\nnewline", 40))
