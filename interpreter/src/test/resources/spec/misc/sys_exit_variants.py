import sys
def cleanup():
    try:
        sys.exit(0)
    except SystemExit as e:
        print("caught SystemExit", e.code)
cleanup()
try:
    sys.exit()
except SystemExit as e:
    print("no argument:", e.code)
try:
    raise SystemExit(7)
except SystemExit as e:
    print("raised:", e.code)
print("exiting with 4")
raise SystemExit(4)
