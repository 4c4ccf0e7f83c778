import argparse
p = argparse.ArgumentParser(prog="req")
p.add_argument("--point", nargs=2, metavar=("X", "Y"), type=int, required=True, help="a point")
p.add_argument("--level", choices=[1, 2, 3], type=int, help="level")
p.print_usage()
print(p.parse_args(["--point", "1", "2", "--level", "2"]))
p.parse_args(["--level", "2"])
