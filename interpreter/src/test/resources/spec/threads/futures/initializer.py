import threading
from concurrent.futures import ThreadPoolExecutor

state = threading.local()
inits = []
lock = threading.Lock()

def init(tag):
    state.tag = tag
    with lock:
        inits.append(tag)

def read():
    return state.tag

with ThreadPoolExecutor(max_workers=2, initializer=init, initargs=("ready",)) as ex:
    print(sorted(set(ex.map(lambda _: read(), range(6)))))
print(set(inits), 1 <= len(inits) <= 2)
