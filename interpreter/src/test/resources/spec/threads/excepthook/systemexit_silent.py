import sys
import threading

def leave():
    sys.exit(3)

def leave_raise():
    raise SystemExit("bye")

for f in (leave, leave_raise):
    t = threading.Thread(target=f)
    t.start()
    t.join()
print("main continues, no report")
