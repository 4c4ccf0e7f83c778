import threading

ping = threading.Lock()
pong = threading.Lock()
pong.acquire()
log = []

def player(me, mine, other, rounds):
    for i in range(rounds):
        mine.acquire()
        log.append("%s%d" % (me, i))
        other.release()

a = threading.Thread(target=player, args=("A", ping, pong, 5))
b = threading.Thread(target=player, args=("B", pong, ping, 5))
a.start()
b.start()
a.join()
b.join()
print(" ".join(log))
