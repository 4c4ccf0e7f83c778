"""statistics for ftpy: mean, fmean, median (low/high/grouped), mode, multimode, variance, pvariance,
stdev, pstdev, geometric_mean, harmonic_mean; sums are exact (rationals over ints), as CPython's."""

import math

__all__ = ["StatisticsError", "mean", "fmean", "median", "median_low", "median_high", "median_grouped",
           "mode", "multimode", "variance", "pvariance", "stdev", "pstdev", "geometric_mean",
           "harmonic_mean", "quantiles"]


class StatisticsError(ValueError):
    pass


def _ratio(x):
    if isinstance(x, bool) or isinstance(x, int):
        return int(x), 1
    if isinstance(x, float):
        if x != x or x in (float("inf"), float("-inf")):
            raise ValueError("cannot convert to ratio")
        m, e = math.frexp(x)
        n = int(m * (1 << 53))
        e -= 53
        if e >= 0:
            return n << e, 1
        d = 1 << -e
        g = math.gcd(n, d)
        return n // g, d // g
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _add(a, b):
    n = a[0] * b[1] + b[0] * a[1]
    d = a[1] * b[1]
    g = math.gcd(n, d)
    return n // g, d // g


def _sum(data):
    T = int
    total = (0, 1)
    count = 0
    for x in data:
        if isinstance(x, float):
            T = float
        elif not isinstance(x, int):
            raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)
        total = _add(total, _ratio(x))
        count += 1
    return T, total, count


def _convert(frac, T):
    n, d = frac
    g = math.gcd(n, d)
    if g > 1:
        n //= g
        d //= g
    if T is int and d == 1:
        return n
    return _to_float(n, d)


def _to_float(n, d):
    return n / d


def mean(data):
    data = list(data)
    if len(data) < 1:
        raise StatisticsError("mean requires at least one data point")
    T, total, n = _sum(data)
    return _convert((total[0], total[1] * n), T)


def fmean(data, weights=None):
    data = list(data)
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    if weights is None:
        return math.fsum(data) / len(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    total = math.fsum(weights)
    if not total:
        raise StatisticsError("sum of weights must be non-zero")
    return math.fsum(x * w for x, w in zip(data, weights)) / total


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n == 1:
        return data[0]
    x = data[n // 2]
    L = x - interval / 2
    cf = data.index(x)
    f = data.count(x)
    return L + interval * (n / 2 - cf) / f


def mode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = max(counts.values())
    for x, c in counts.items():
        if c == best:
            return x


def multimode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    best = max(counts.values())
    return [x for x, c in counts.items() if c == best]


def _ss(data, c=None):
    T, total, n = _sum(data)
    if c is None:
        c = (total[0], total[1] * n)
    else:
        c = _ratio(c)
    ss = (0, 1)
    for x in data:
        r = _ratio(x)
        dn = r[0] * c[1] - c[0] * r[1]
        dd = r[1] * c[1]
        ss = _add(ss, (dn * dn, dd * dd))
    return T, ss, n


def variance(data, xbar=None):
    data = list(data)
    n = len(data)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    T, ss, n = _ss(data, xbar)
    return _convert((ss[0], ss[1] * (n - 1)), T)


def pvariance(data, mu=None):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    T, ss, n = _ss(data, mu)
    return _convert((ss[0], ss[1] * n), T)


def _sqrt_frac(n, d):
    return math.sqrt(n / d)


def stdev(data, xbar=None):
    data = list(data)
    n = len(data)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    T, ss, n = _ss(data, xbar)
    return _sqrt_frac(ss[0], ss[1] * (n - 1))


def pstdev(data, mu=None):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    T, ss, n = _ss(data, mu)
    return _sqrt_frac(ss[0], ss[1] * n)


def geometric_mean(data):
    data = list(data)
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    if any(x <= 0 for x in data):
        raise StatisticsError("geometric mean requires a non-empty dataset containing positive numbers")
    return math.exp(fmean([math.log(x) for x in data]))


def harmonic_mean(data):
    data = list(data)
    if not data:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if len(data) == 1:
        return data[0]
    for x in data:
        if x < 0:
            raise StatisticsError("harmonic mean does not support negative values")
    if any(x == 0 for x in data):
        return 0
    inv = (0, 1)
    T = float
    for x in data:
        r = _ratio(x)
        inv = _add(inv, (r[1], r[0]))
    return _convert((len(data) * inv[1], inv[0]), T)


def quantiles(data, *, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f"Unknown method: {method!r}")
