import textwrap
code = """
    def f():
        return 1

    x = f()
"""
print(repr(textwrap.dedent(code)))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.indent("a\nb", "+", lambda line: line.startswith("b")))
print(repr(textwrap.dedent("  x\n\ty")))
