import threading

cond = threading.Condition()
state = {"n": 0}

with cond:
    print(cond.wait_for(lambda: state["n"] > 0, timeout=0.01))
    print(cond.wait_for(lambda: "already", timeout=0))

def bump():
    for _ in range(3):
        with cond:
            state["n"] += 1
            cond.notify_all()

t = threading.Thread(target=bump)
with cond:
    t.start()
    print(cond.wait_for(lambda: state["n"] == 3))
t.join()
print(state)
