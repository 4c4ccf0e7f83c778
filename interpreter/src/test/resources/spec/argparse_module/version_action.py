import argparse
p = argparse.ArgumentParser(prog="ver")
p.add_argument("--version", action="version", version="%(prog)s 1.2")
p.parse_args(["--version"])
