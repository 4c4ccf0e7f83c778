# Imports from sys.path: a plain module (loaded once), a package with submodules, relative imports,
# `import a.b` binding `a`, `import a.b as c` binding the leaf, from-import of a submodule, star import.
import sys
sys.path.insert(0, sys.path[0] + "/_modules")
import mymod
import mymod
print(mymod.VALUE, mymod.__name__)
import pkg.sub
print(pkg.X, pkg.twice(3), pkg.sub.t2(5), pkg.sub.helper.twice(1))
print(pkg.__name__, pkg.__package__, pkg.sub.__package__, pkg.helper.__package__)
import pkg.sub as s
print(s.t2(7), s is pkg.sub, sys.modules["pkg.sub"] is s)
from pkg import helper
print(helper.twice(4))
from mymod import *
print(VALUE)
try:
    _hidden
except NameError as e:
    print(e)
try:
    import nosuch
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name if hasattr(e, "name") else "")
try:
    from mymod import nothere
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import mymod.x
except ModuleNotFoundError as e:
    print(e)
import collections, functools
print(collections.deque([1]), functools.reduce(lambda a, b: a + b, [1, 2, 3]))
print(type(sys.path), __name__)
