import argparse
p = argparse.ArgumentParser(prog="nh", add_help=False, usage="%(prog)s [options] files")
p.add_argument("-f", "--file-name", dest="path", metavar="PATH", help="input path")
p.add_argument("-x", action="append_const", const=1, dest="xs")
print(p.parse_args(["--file-name", "p", "-x", "-x"]))
p.print_help()
p.parse_args(["-h"])
