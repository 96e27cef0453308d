"""Exact means, standard deviations and correlations of doubles, for test/stats/floating-point-edges.test.ts.

Run with `python3 test/reference/stats/exact_sd.py` (Python 3.11+, standard library only). Every double is
converted to a Fraction exactly, so each value printed is the exact statistic of the input doubles, rounded
once to the nearest double: statistics.mean and statistics.stdev (which work in fractions and round the
square root correctly), and Pearson's r as an exact ratio with its square root to 60 significant digits.
The test carries the values printed here with the expression beside each, so CI needs no Python.
"""

import statistics
from decimal import Decimal, getcontext
from fractions import Fraction

getcontext().prec = 60


def show(case, expression, value):
    print(f"{case:<5} {expression}\n      -> {value!r}")


def stdev(case, values, text):
    try:
        value = statistics.stdev(values)
    except OverflowError as error:
        value = f"OverflowError: {error}"
    show(case, f"statistics.stdev({text})", value)


def mean(case, values, text):
    show(case, f"statistics.mean({text})", statistics.mean(values))


def pearson(case, x, y, text):
    fx = [Fraction(v) for v in x]
    fy = [Fraction(v) for v in y]
    mx = sum(fx) / len(fx)
    my = sum(fy) / len(fy)
    sxy = sum((a - mx) * (b - my) for a, b in zip(fx, fy))
    sxx = sum((a - mx) ** 2 for a in fx)
    syy = sum((b - my) ** 2 for b in fy)
    ratio = sxy * sxy / (sxx * syy)
    r = (Decimal(ratio.numerator) / Decimal(ratio.denominator)).sqrt()
    show(case, f"exact Pearson r of {text}", float(r if sxy >= 0 else -r))


offset = [1000000000000.008, 1000000000000.007, 1000000000000.007, 1000000000000.007]
stdev("P4", offset, "[1000000000000.008, 1000000000000.007, 1000000000000.007, 1000000000000.007]")
stdev("P4b", offset[:3], "[1000000000000.008, 1000000000000.007, 1000000000000.007]")
stdev("P4c", offset[1:], "[1000000000000.007, 1000000000000.007, 1000000000000.007]")
mean("P4m", offset, "[1000000000000.008, 1000000000000.007, 1000000000000.007, 1000000000000.007]")
stdev("P3a", [1e200, 2e200, 3e200], "[1e200, 2e200, 3e200]")
stdev("P3b", [4e200, 5e200, 7e200], "[4e200, 5e200, 7e200]")
pearson("P3e", [1e300, 2e300, 3e300, 4e300], [1e160, 3e160, 2e160, 5e160], "[1e300, 2e300, 3e300, 4e300], [1e160, 3e160, 2e160, 5e160]")
pearson("P2a", [1e300, 2e300, 3e300, 4e300], [1, 2, 4, 3], "[1e300, 2e300, 3e300, 4e300], [1, 2, 4, 3]")
stdev("E1", [1e-310, 2e-310, 4e-310], "[1e-310, 2e-310, 4e-310]")
mean("E1m", [1e-310, 2e-310, 4e-310], "[1e-310, 2e-310, 4e-310]")
pearson("E2", [k * 5e-324 for k in (1, 2, 3, 4, 5)], [2, 1, 4, 3, 5], "[1, 2, 3, 4, 5] * 5e-324, [2, 1, 4, 3, 5]")
stdev("E6", [0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3], "[0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3]")
pearson("E6r", [0.1 + 0.2, 0.3, 0.3, 0.1 + 0.2], [1, 2, 3, 5], "[0.1 + 0.2, 0.3, 0.3, 0.1 + 0.2], [1, 2, 3, 5]")
mean("E6m", [0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3], "[0.1 + 0.2, 0.3, 0.1 + 0.2, 0.3, 0.3]")
pearson("E19", [1e-300, 2e-300, 3e-300, 4e-300, 6e-300], [5e300, 1e300, 4e300, 2e300, 3e300], "[1e-300, 2e-300, 3e-300, 4e-300, 6e-300], [5e300, 1e300, 4e300, 2e300, 3e300]")
stdev("E7", [-1.7e308, 1.7e308], "[-1.7e308, 1.7e308]")
stdev("E8", [-1e308, 1e308, 1e308], "[-1e308, 1e308, 1e308]")
mean("E8m", [-1e308, 1e308, 1e308], "[-1e308, 1e308, 1e308]")
stdev("E14", [1e-320, 1e-320, 1e-320], "[1e-320, 1e-320, 1e-320]")
stdev("E15", [1e16, 1e16 + 2], "[1e16, 1e16 + 2]")
stdev("E16", [1e300, 1, -1e300], "[1e300, 1, -1e300]")
mean("E16m", [1e300, 1, -1e300], "[1e300, 1, -1e300]")
many = [1e12 + 0.125 * (k % 3) for k in range(100_000)]
stdev("E21", many, "[1e12 + 0.125 * (k % 3) for k in range(100_000)]")
mean("E21m", many, "[1e12 + 0.125 * (k % 3) for k in range(100_000)]")
near = [0.1] * 99_999 + [0.1 + 2**-56]
stdev("E22", near, "[0.1] * 99_999 + [0.1 + 2**-56]")
