def f():
    if True:
            y = 1
        z = 2
