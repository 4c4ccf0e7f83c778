import threading

def level2(x):
    return 10 // x

def level1():
    return level2(0)

t = threading.Thread(target=level1, name="divider")
t.start()
t.join()
print("main still runs")
