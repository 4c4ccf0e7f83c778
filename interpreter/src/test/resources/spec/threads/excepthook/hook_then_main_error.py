import threading

def bad():
    {}["missing"]

t = threading.Thread(target=bad, name="first")
t.start()
t.join()
print("between")
raise SystemExit("main exits with a message")
