import argparse
ns = argparse.Namespace(b=1, a="x")
print(ns, ns.b, "a" in ns, ns == argparse.Namespace(b=1, a="x"))
p = argparse.ArgumentParser(prog="d")
p.add_argument("--x", type=int, default="5")
p.set_defaults(func="handler", x=7)
print(p.parse_args([]), p.get_default("func"))
