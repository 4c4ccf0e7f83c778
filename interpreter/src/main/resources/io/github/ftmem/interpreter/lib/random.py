"""random for ftpy: CPython's Mersenne Twister (bit-exact for the same seeds) over _random."""
import _random


class Random:
    def __init__(self, x=None):
        self._state = _random.seed(x)

    def seed(self, a=None):
        self._state = _random.seed(a)

    def random(self):
        return _random.call(self, "random")

    def getrandbits(self, k):
        return _random.call(self, "getrandbits", k)

    def randrange(self, start, stop=None, step=1):
        return _random.call(self, "randrange", start, stop, step)

    def randint(self, a, b):
        return _random.call(self, "randint", a, b)

    def uniform(self, a, b):
        return _random.call(self, "uniform", a, b)

    def choice(self, seq):
        return seq[_random.call(self, "choice", len(seq))]

    def shuffle(self, x):
        swaps = _random.call(self, "shuffle", len(x))
        for i in range(len(x) - 1, 0, -1):
            j = swaps[i]
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k):
        pool = list(population)
        return [pool[i] for i in _random.call(self, "sample", len(pool), k)]


_inst = Random()
seed = _inst.seed
random = _inst.random
getrandbits = _inst.getrandbits
randrange = _inst.randrange
randint = _inst.randint
uniform = _inst.uniform
choice = _inst.choice
shuffle = _inst.shuffle
sample = _inst.sample
