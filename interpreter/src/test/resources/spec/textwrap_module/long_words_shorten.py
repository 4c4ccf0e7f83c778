import textwrap
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.shorten("Hello  world! This is a long sentence.", width=20))
print(textwrap.shorten("Hello world", width=20))
print(textwrap.wrap("a well-known self-evident truth", 12))
print(textwrap.wrap("", 10), textwrap.wrap("   ", 10))
