print(r"raw\n\t", R'raw \' quote', r"""raw\triple""")
print("adjacent " 'literals ' """are joined""")
print(rb"x" if False else "no bytes printed")
path = r"C:\new\table"
print(path, len(path))
print("a" "b" + "c", ("x"
      "y"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""))
print(repr("tab\there"), repr("nl\n"), repr("\x00\x7f"), repr("é"))
