import argparse
def positive(s):
    v = int(s)
    if v <= 0:
        raise argparse.ArgumentTypeError(f"{s} is not positive")
    return v
p = argparse.ArgumentParser(prog="t")
p.add_argument("n", type=positive)
print(p.parse_args(["3"]).n)
p.parse_args(["-2"] if False else ["0"])
