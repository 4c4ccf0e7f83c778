import argparse
p = argparse.ArgumentParser(prog="a_rather_long_program_name")
for name in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"]:
    p.add_argument("--" + name, metavar=name.upper(), help="the " + name + " setting, which controls a great many things about how the program behaves at run time")
p.add_argument("inputs", nargs="+")
p.add_argument("output")
p.print_help()
