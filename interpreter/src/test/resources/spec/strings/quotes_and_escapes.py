print('single', "double", '''triple single''', """triple double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print("tab:\tend", "newline:\nsecond line")
print("backslash: \\", "bell-free", "\x41\x42\u0043\U00000044", "\101\102")
print("\N{GREEK SMALL LETTER ALPHA}", len("\N{BULLET}"))
print("unknown escape \d stays")
s = """first
second
  third"""
print(s)
print("line \
continuation")
print(len("""
"""))
