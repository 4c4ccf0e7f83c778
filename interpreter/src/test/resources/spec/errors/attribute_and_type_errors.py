class Thing:
    def __init__(self):
        self.value = 1

t = Thing()
five = 5
nothing = None
for action in ("missing attr", "call int", "bad arg count", "not iterable", "not subscriptable"):
    try:
        if action == "missing attr":
            t.nope
        elif action == "call int":
            five()
        elif action == "bad arg count":
            Thing(1)
        elif action == "not iterable":
            for _ in 5:
                pass
        else:
            nothing[0]
    except (AttributeError, TypeError) as e:
        print(f"{action}: {type(e).__name__}: {e}")
len(5)
