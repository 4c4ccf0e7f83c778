import argparse
p = argparse.ArgumentParser(prog="neg")
p.add_argument("x", type=int)
p.add_argument("rest", nargs="*")
p.add_argument("--n", type=float, default=0.0)
print(p.parse_args(["-5", "--n", "-2.5"]))
print(p.parse_args(["3", "--", "--n", "a"]))
print(p.parse_args(["--n=1e3", "7", "a", "b"]))
