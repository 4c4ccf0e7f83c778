import threading

results = {}
lock = threading.Lock()

def leaf(path):
    with lock:
        results[path] = threading.current_thread().name

def branch(path, depth):
    if depth == 0:
        leaf(path)
        return
    kids = [threading.Thread(target=branch, args=(path + str(i), depth - 1), name="n" + path + str(i))
            for i in range(2)]
    for k in kids:
        k.start()
    for k in kids:
        k.join()

branch("", 3)
for key in sorted(results):
    print(key, results[key])
