len(x) = 5
