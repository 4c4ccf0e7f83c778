import argparse, sys
p = argparse.ArgumentParser(prog="n", exit_on_error=False)
p.add_argument("--pair", nargs=2)
p.add_argument("--some", nargs="+")
for argv in (["--pair", "1"], ["--some"]):
    try:
        p.parse_args(argv)
    except argparse.ArgumentError as e:
        print("ArgumentError:", e)
