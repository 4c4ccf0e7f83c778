counter = 0
def next_id():
    global counter
    counter += 1
    return counter

def make(id=next_id()):
    return id

print(make(), make(), make(5), counter)

def append_to(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target

print(append_to(1), append_to(2))
x = 10
def show(v=x):
    return v
x = 20
print(show())
