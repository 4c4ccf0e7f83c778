# Indentation with mixed depths, blank lines and comments inside blocks.
def f(n):
    if n > 0:

        # a comment at a different indentation
            # and another one
        for i in range(n):
              if i % 2:
                   print("odd", i)
              else:
                print("even", i)
    else:
        print("none")
    return n


f(3)
f(0)
if True:
	print("tab-indented block")
