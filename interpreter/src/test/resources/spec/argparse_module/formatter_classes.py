import argparse
p = argparse.ArgumentParser(prog="fmt", formatter_class=argparse.ArgumentDefaultsHelpFormatter,
                            description="Shows defaults in the help of each option.")
p.add_argument("--rate", type=float, default=0.5, help="sampling rate")
p.add_argument("--name", default="x", help="the name")
p.add_argument("--flag", action="store_true", help="a flag")
p.add_argument("files", nargs="*", default=[], help="input files")
p.print_help()
r = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawDescriptionHelpFormatter,
                            description="first line\n  indented second line\n\nthird paragraph",
                            epilog="  epilog kept\n    as written")
r.add_argument("-x", help="an option")
r.print_help()
