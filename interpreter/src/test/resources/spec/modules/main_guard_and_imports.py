import math, sys
import math as m
from math import sqrt, pi as PI

def main():
    print(m.floor(PI), sqrt(9.0), math is m, __name__)
    return 0

if __name__ == "__main__":
    print("running as script")
    main()
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
