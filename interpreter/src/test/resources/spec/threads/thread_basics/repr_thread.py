import threading

def digits_masked(s):
    out = []
    for ch in s:
        if ch.isdigit():
            if not out or out[-1] != "N":
                out.append("N")
        else:
            out.append(ch)
    return "".join(out)

t = threading.Thread(name="t1")
print(repr(t))
d = threading.Thread(name="t2", daemon=True)
print(repr(d))
t.start()
t.join()
print(digits_masked(repr(t)))
print(digits_masked(repr(threading.main_thread())))
