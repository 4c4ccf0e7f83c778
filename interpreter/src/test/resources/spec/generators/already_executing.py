# A generator cannot be resumed from inside itself: ValueError "generator already executing".
def reentrant():
    yield next(me)


me = reentrant()
try:
    next(me)
except ValueError as e:
    print(e)
print(list(me))


def sender():
    try:
        yield box[0].send(None)
    except ValueError as e:
        print("inside:", e)
        yield "recovered"


box = [None]
s = sender()
box[0] = s
print(next(s))
box.clear()

holder = []
ge = (holder[0].__next__() for _ in range(2))
holder.append(ge)
try:
    next(ge)
except ValueError as e:
    print("genexp:", e)
holder.clear()
