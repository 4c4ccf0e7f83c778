# A small tour of ftpy: every value below lives in the ftmem heap (off the Java heap), counted by
# biased reference counting; the cycles at the end are found by ftmem's cycle collector.
import gc
import sys
import time


def primes(limit):
    sieve = [True] * (limit + 1)
    sieve[0] = sieve[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, limit + 1, i):
                sieve[j] = False
    return [i for i, is_prime in enumerate(sieve) if is_prime]


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __repr__(self):
        return f"Node({self.name!r})"


start = time.perf_counter()
found = primes(100_000)
print(f"{len(found)} primes below 100,000; the last three: {found[-3:]}")
print("sum of their squares:", sum(p * p for p in found))
print("2 ** 200 =", 2 ** 200)

word_counts = {}
for word in "the quick brown fox jumps over the lazy dog the end".split():
    word_counts[word] = word_counts.get(word, 0) + 1
print(sorted(word_counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3])

gc.disable()
for i in range(1000):
    a, b = Node(f"a{i}"), Node(f"b{i}")
    a.peer, b.peer = b, a
del a, b
print("objects in garbage cycles:", gc.collect())
gc.enable()
print(f"recursion limit {sys.getrecursionlimit()}, elapsed below a minute: {time.perf_counter() - start < 60}")
