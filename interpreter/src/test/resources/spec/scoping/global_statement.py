counter = 0

def bump():
    global counter
    counter += 1

def read_only():
    return counter

for _ in range(3):
    bump()
print(counter, read_only())

def create_global():
    global created
    created = "made inside function"

create_global()
print(created)

x = "module"
def shadow():
    x = "local"
    return x
print(shadow(), x)
