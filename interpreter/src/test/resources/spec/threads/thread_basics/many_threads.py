import threading

N = 16
slots = [0] * N

def square(i):
    slots[i] = i * i

threads = [threading.Thread(target=square, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(slots)
print(sum(slots))
