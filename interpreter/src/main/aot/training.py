# The training run behind ftpy's AOT cache (see ../../../../ftpy and docs/interpreter.md, "Start-up and
# warm-up"). The JVM records which classes this run loads and links, and the method profiles of its
# hot code; later runs start from them. What matters is that the profiles hold the paths real programs
# take, single-threaded *and* with threads: the cross-thread branches of biased refcounting (a
# non-owner's incref and decref), of the allocator (a free into another thread's page) and of the
# shared-read protocol. A program that starts threads after a single-threaded phase otherwise runs
# into code compiled without those branches, which the JIT throws away and recompiles while every core
# is busy running Python threads.
import threading


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    table = {}
    for i in range(n // 100):
        table[i] = str(i)
    return total + len(table)


work(300_000)
threads = [threading.Thread(target=work, args=(300_000,)) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
work(300_000)
