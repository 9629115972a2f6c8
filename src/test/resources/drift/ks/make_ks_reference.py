#!/usr/bin/env python3
"""Reference values from scipy for vpmon's Kolmogorov-Smirnov tests (run once, output committed).

  /root/.pyenv/shims/python3 src/test/resources/drift/ks/make_ks_reference.py

Writes ks_reference.json beside this script:
  - "two_sample": scipy.stats.ks_2samp(a, b) with its defaults (method='auto') on samples that
    the Java test regenerates from a few numbers (SplitMix64, below, ported bit for bit), so the
    file stays small even for samples of 25,000 values;
  - "kstwo_sf": scipy.stats.kstwo.sf(x, n) over a grid that reaches every branch of scipy's
    _kolmogn (Ruben-Gambino, Durbin matrix, Pomeranz, Pelz-Good, 2*smirnov, underflow);
  - "smirnov": scipy.special.smirnov(n, x), the one-sided distribution the above relies on.
Values are written with repr, which round-trips float64 exactly.
"""
import json
import math
import os
import sys

import numpy as np
import scipy
from scipy import special, stats

MASK = (1 << 64) - 1


class SplitMix64:
    """Same sequence as io.vpmon.drift.stats.ReferenceSamples in the Java tests."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next_long(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def next_double(self):
        return (self.next_long() >> 11) * (2.0 ** -53)


def sample(spec):
    """n values: loc + scale * (sum of 4 uniforms - 2), rounded to a multiple of quantum if > 0."""
    rng = SplitMix64(spec["seed"])
    out = []
    for _ in range(spec["n"]):
        u = rng.next_double() + rng.next_double() + rng.next_double() + rng.next_double()
        v = spec["loc"] + spec["scale"] * (u - 2.0)
        if spec["quantum"] > 0:
            v = math.floor(v / spec["quantum"] + 0.5) * spec["quantum"]
        out.append(v)
    return np.array(out, dtype=np.float64)


def spec(seed, n, loc=0.0, scale=1.0, quantum=0.0):
    return {"seed": seed, "n": n, "loc": loc, "scale": scale, "quantum": quantum}


TWO_SAMPLE = [
    ("small n=5, same distribution", spec(1, 5), spec(2, 5)),
    ("small 5 vs 7, shifted", spec(3, 5), spec(4, 7, loc=0.8)),
    ("8 vs 7", spec(5, 8), spec(6, 7, loc=0.3)),
    ("disjoint 5 vs 5", spec(7, 5), spec(8, 5, loc=10.0)),
    ("disjoint 40 vs 60", spec(9, 40), spec(10, 60, loc=10.0)),
    ("disjoint 200 vs 200", spec(11, 200), spec(12, 200, loc=10.0)),
    ("identical 50", spec(13, 50), spec(13, 50)),
    ("identical 3000", spec(14, 3000), spec(14, 3000)),
    ("constant both equal", spec(15, 30, scale=0.0), spec(16, 40, scale=0.0)),
    ("constant both different", spec(17, 30, scale=0.0), spec(18, 40, loc=1.0, scale=0.0)),
    ("120 vs 90 shifted", spec(19, 120), spec(20, 90, loc=0.25)),
    ("equal 100", spec(21, 100), spec(22, 100, loc=0.2)),
    ("equal 500 same", spec(23, 500), spec(24, 500)),
    ("equal 1000 shifted", spec(25, 1000), spec(26, 1000, loc=0.1)),
    ("unequal 300 vs 700", spec(27, 300), spec(28, 700, loc=0.15)),
    ("unequal 999 vs 1000", spec(29, 999), spec(30, 1000, loc=0.05)),
    ("unequal 1000 vs 250 scale", spec(31, 1000), spec(32, 250, scale=1.4)),
    ("heavy ties 200 vs 150", spec(33, 200, quantum=0.5), spec(34, 150, loc=0.2, quantum=0.5)),
    ("heavy ties 1000 vs 1000 same", spec(35, 1000, quantum=1.0), spec(36, 1000, quantum=1.0)),
    ("heavy ties 800 vs 1200 shifted", spec(37, 800, quantum=0.25), spec(38, 1200, loc=0.1, quantum=0.25)),
    ("ties 20000 vs 15000 (asymptotic)", spec(39, 20000, quantum=0.1), spec(40, 15000, loc=0.02, quantum=0.1)),
    ("exact square 10000", spec(41, 10000), spec(42, 10000, loc=0.03)),
    ("exact inside 10000 vs 9000", spec(43, 10000), spec(44, 9000, loc=0.04)),
    ("exact inside 6000 vs 4000 same", spec(45, 6000), spec(46, 4000)),
    ("asymptotic 12000 vs 15000 same", spec(47, 12000), spec(48, 15000)),
    ("asymptotic 25000 vs 11000 shifted", spec(49, 25000), spec(50, 11000, loc=0.05)),
    ("asymptotic 10001 vs 10001", spec(51, 10001), spec(52, 10001, loc=0.02)),
    ("asymptotic 10001 vs 60 (n<=140 branches)", spec(53, 10001), spec(54, 60, loc=0.3)),
    ("asymptotic 20000 vs 100 strong shift", spec(55, 20000), spec(56, 100, loc=1.0)),
    ("asymptotic 12000 vs 12000 huge shift", spec(57, 12000), spec(58, 12000, loc=0.5)),
    ("asymptotic 30000 vs 30000 tiny shift", spec(59, 30000), spec(60, 30000, loc=0.01)),
    ("asymptotic 11000 vs 400 disjoint", spec(61, 11000), spec(62, 400, loc=10.0)),
]

KSTWO_N = [1, 2, 3, 5, 10, 26, 60, 100, 140, 141, 300, 1000, 5000, 20000, 100000, 100001, 400000]
KSTWO_X = [1e-4, 0.001, 0.004, 0.01, 0.02, 0.03, 0.05, 0.07, 0.1, 0.15, 0.2, 0.3, 0.4, 0.49, 0.5, 0.6,
           0.75, 0.9, 0.99, 0.999]

SMIRNOV_N = [1, 2, 3, 5, 10, 11, 50, 100, 141, 1000, 12345, 100000, 1000000, 1000001]
SMIRNOV_X = [1e-6, 0.001, 0.01, 0.05, 0.1, 0.2, 0.25, 0.3, 0.5, 0.7, 0.9, 0.999]


def main():
    out = {
        "generator": "make_ks_reference.py",
        "versions": {"python": sys.version.split()[0], "numpy": np.__version__, "scipy": scipy.__version__},
        "two_sample": [],
        "kstwo_sf": [],
        "smirnov": [],
    }
    for name, a_spec, b_spec in TWO_SAMPLE:
        a, b = sample(a_spec), sample(b_spec)
        res = stats.ks_2samp(a, b)
        method = "exact" if max(len(a), len(b)) <= 10000 else "asymptotic"
        out["two_sample"].append({"name": name, "a": a_spec, "b": b_spec, "statistic": float(res.statistic),
                                  "pvalue": float(res.pvalue), "method": method})
    for n in KSTWO_N:
        xs = sorted(set(KSTWO_X + [0.4 / n, 0.75 / n, 1.0 / n, 1.5 / n, 1 - 1.5 / n if n > 2 else 0.3,
                                   math.sqrt(0.5 / n), math.sqrt(2.0 / n), math.sqrt(3.0 / n), math.sqrt(5.0 / n),
                                   math.sqrt(20.0 / n), math.sqrt(100.0 / n), math.sqrt(400.0 / n),
                                   (1.0 / n) ** (2.0 / 3.0)]))
        for x in xs:
            if 0 < x < 1:
                out["kstwo_sf"].append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})
    for n in SMIRNOV_N:
        for x in SMIRNOV_X + [1.0 / n, 0.5 / n, 1.0 - 1.0 / n, 1.0 - 0.5 / n, math.sqrt(1.0 / n)]:
            if 0 <= x <= 1:
                out["smirnov"].append({"n": n, "x": x, "sf": float(special.smirnov(n, x))})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ks_reference.json")
    with open(path, "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    print("wrote %d two-sample, %d kstwo, %d smirnov cases to %s"
          % (len(out["two_sample"]), len(out["kstwo_sf"]), len(out["smirnov"]), path))


if __name__ == "__main__":
    main()
