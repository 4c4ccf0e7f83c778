events = []


def make(label):
    events.append("evaluate " + label)
    def deco(obj):
        events.append("apply " + label + " to " + obj.__name__)
        obj.labels = getattr(obj, "labels", ()) + (label,)
        return obj
    return deco


@make("outer")
@make("middle")
@make("inner")
def target():
    events.append("call target")
    return "done"


events.append("defined")
print(target(), target.labels)


@make("on class")
class Widget:
    events.append("class body")


print(Widget.labels)
for e in events:
    print(e)


def failing(obj):
    raise RuntimeError("decorator refused " + obj.__name__)


try:
    @make("never applied")
    @failing
    def broken():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
print(events[-2:])
try:
    @make("evaluated first")
    @undefined_decorator
    def lost():
        pass
except NameError as e:
    print("NameError:", e)
for name in ("lost", "broken"):
    try:
        eval_result = lost if name == "lost" else broken
    except NameError as e:
        print(events[-1], "->", e)
