print(sep=',', 'x')
