#!/usr/bin/env python3
"""Reference values for src/stats, from scipy, numpy and R coin, written as JSON fixtures beside this file.

Regenerate (needs python3 with numpy + scipy; R with the coin package for exact p-values with ties, e.g.
`apt-get install -y r-base-core r-cran-coin`):

    python3 test/reference/stats/make_stats_cases.py

Deterministic: seeded numpy Generator. CI never runs this; test/stats/reference-cases.test.ts reads the JSON.

What produces each value (also recorded per case under "reference"):
- Mann-Whitney: rank sums / mean ranks from scipy.stats.rankdata; U1 = scipy.stats.mannwhitneyu(x, y).statistic;
  asymptotic p = scipy.stats.mannwhitneyu(method="asymptotic", use_continuity=False); Z from the tie-corrected
  formula evaluated in exact rational arithmetic (fractions.Fraction) up to the final square root, and checked
  against scipy's p (2*norm.sf(|Z|)). Exact p: without ties scipy.stats.mannwhitneyu(method="exact"); with ties
  R coin::wilcox_test(distribution = exact()). Every exact p is also checked against an independent exact
  subset-sum count of the rank-sum distribution written here with numpy (count_subset_sums), and without
  ties against coin too.
- Kruskal-Wallis: scipy.stats.kruskal (H, p); H cross-checked against exact rational arithmetic.
  epsilon^2 = H/(N-1).
- Dunn: the formula in numpy: z = (Rbar_a - Rbar_b) / sqrt((N(N+1)/12 - sum(t^3-t)/(12(N-1))) (1/n_a + 1/n_b)),
  p = 2*scipy.stats.norm.sf(|z|), Bonferroni min(1, p*m) with m = number of pairs; Holm by R p.adjust(method =
  "holm") (or a numpy step-down implementation when R is absent; recorded).
- Pairwise Mann-Whitney: as above for each pair ranked on its own; Holm of the asymptotic p by R p.adjust.
- Pearson: scipy.stats.pearsonr (statistic, pvalue, confidence_interval(0.95), Fisher z).
- Spearman: scipy.stats.spearmanr (statistic, pvalue); 95% CI by the Fisher z formula in numpy (se 1/sqrt(n-3)).
- Partial correlation: the residual method with numpy: least-squares residuals of x and of y on (1, z1..zk)
  (numpy.linalg.lstsq), r = scipy.stats.pearsonr of the residuals, p = 2*scipy.stats.t.sf(|t|, n-2-k) with
  t = r*sqrt((n-2-k)/(1-r^2)), CI = tanh(atanh(r) +- norm.ppf(0.975)/sqrt(n-3-k)). With "ranks", every variable
  is replaced by scipy.stats.rankdata over the complete cases first (partial Spearman).
- Descriptives: numpy (percentile method="linear" = R type 7, mean, std ddof=1, min, max).
- Tails: scipy.stats.norm.sf, t.sf, chi2.sf.
Missing values (None) are dropped pairwise; the references are computed on the complete data.
"""
from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import tempfile
from fractions import Fraction
from itertools import combinations

import numpy as np
import scipy
import scipy.stats as st

SEED = 20240611
HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(SEED)
RSCRIPT = shutil.which("Rscript")


# ----------------------------------------------------------------------------------------------- samples

def draw(n: int, style: str, shift: float = 0.0) -> list[float]:
    """One sample: continuous (no ties), integers 0..30 (some ties) or a few integers (heavy ties)."""
    if style == "continuous":
        return [round(float(v), 6) for v in rng.normal(shift, 1.0, n)]
    if style == "integers":
        return [float(v) for v in np.clip(np.round(rng.normal(15 + 5 * shift, 6, n)), 0, 30)]
    levels = int(rng.integers(2, 6))  # few integers: 2..5 distinct values
    probs = rng.dirichlet(np.ones(levels))
    base = rng.choice(levels, size=n, p=probs)
    return [float(v + (1 if shift > 0 and rng.random() < min(0.9, shift / 2) else 0)) for v in base]


def has_ties(values: list[float]) -> bool:
    return len(set(values)) < len(values)


def all_tied(values: list[float]) -> bool:
    return len(set(values)) == 1


# ---------------------------------------------------------------------------- exact rational arithmetic

def midranks_fraction(values: list[float]) -> list[Fraction]:
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks: list[Fraction] = [Fraction(0)] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        r = Fraction(i + 1 + j + 1, 2)
        for k in range(i, j + 1):
            ranks[order[k]] = r
        i = j + 1
    return ranks


def tie_sum(values: list[float]) -> int:
    counts: dict[float, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return sum(t ** 3 - t for t in counts.values())


def count_subset_sums(scores: list[int], m: int) -> np.ndarray:
    """Counts of the m-subsets of `scores` by their sum, as float64, vectorised over the subset size with numpy
    (a cross-check written independently of the TypeScript code; relative error ~ N * 2^-53)."""
    width = sum(sorted(scores, reverse=True)[:m]) + 1
    table = np.zeros((m + 1, width))
    table[0, 0] = 1.0
    for a in scores:
        if a < width:
            table[1:, a:] += table[:-1, : width - a].copy()
    return table[m]


def exact_p_enumerated(x: list[float], y: list[float]) -> float:
    """Two-sided P(|S - E S| >= |s - E S|) of the rank sum of x given the pooled (doubled) midranks."""
    pooled = x + y
    ranks = midranks_fraction(pooled)
    doubled = [int(2 * r) for r in ranks]
    n1, n = len(x), len(pooled)
    observed = sum(doubled[:n1])
    total = sum(doubled)
    counts = count_subset_sums(doubled, n1)
    sums = np.arange(len(counts))
    dist_obs = abs(n * observed - n1 * total)
    extreme = counts[np.abs(n * sums - n1 * total) >= dist_obs].sum()
    return float(extreme / counts.sum())


# ------------------------------------------------------------------------------------------------ R

def run_r(script: str, lines: list[str]) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        inp = os.path.join(tmp, "in.txt")
        with open(inp, "w") as f:
            f.write("\n".join(lines) + "\n")
        out = subprocess.run([RSCRIPT, "--vanilla", "-e", script, inp], check=True, capture_output=True, text=True)
        return [l for l in out.stdout.splitlines() if l.strip()]


R_COIN = r"""
suppressMessages(library(coin))
args <- commandArgs(trailingOnly = TRUE)
for (line in readLines(args[length(args)])) {
  parts <- strsplit(line, "\t")[[1]]
  x <- as.numeric(strsplit(parts[2], ",")[[1]]); y <- as.numeric(strsplit(parts[3], ",")[[1]])
  g <- factor(rep(c("a", "b"), c(length(x), length(y))), levels = c("a", "b"))
  p <- pvalue(wilcox_test(c(x, y) ~ g, distribution = exact()))
  cat(parts[1], sprintf("%.17g", as.numeric(p)), "\n")
}
"""

R_HOLM = r"""
args <- commandArgs(trailingOnly = TRUE)
for (line in readLines(args[length(args)])) {
  parts <- strsplit(line, "\t")[[1]]
  p <- as.numeric(strsplit(parts[2], ",")[[1]])
  cat(parts[1], paste(sprintf("%.17g", p.adjust(p, method = "holm")), collapse = ","), "\n")
}
"""


def r_version(package: str | None = None) -> str:
    expr = f'cat(as.character(packageVersion("{package}")))' if package else "cat(R.version$major, R.version$minor, sep='.')"
    return subprocess.run([RSCRIPT, "--vanilla", "-e", expr], check=True, capture_output=True, text=True).stdout.strip()


def fmt(values: list[float]) -> str:
    return ",".join(repr(float(v)) for v in values)


def holm_numpy(p: list[float]) -> list[float]:
    m = len(p)
    order = sorted(range(m), key=lambda i: (p[i], i))
    out = [0.0] * m
    running = 0.0
    for j, i in enumerate(order):
        running = max(running, min(1.0, (m - j) * p[i]))
        out[i] = running
    return out


# --------------------------------------------------------------------------------------- Mann-Whitney

def mann_whitney_ref(x: list[float], y: list[float]) -> dict:
    n1, n2 = len(x), len(y)
    n = n1 + n2
    pooled = x + y
    ranks = st.rankdata(pooled)
    r1 = float(np.sum(ranks[:n1]))
    r2 = float(np.sum(ranks[n1:]))
    res = st.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=False)
    u1 = float(res.statistic)
    u2 = n1 * n2 - u1
    u = min(u1, u2)
    w = r1 if u1 <= u2 else r2
    # Z in exact rationals up to the square root.
    rf = midranks_fraction(pooled)
    u1f = sum(rf[:n1]) - Fraction(n1 * (n1 + 1), 2)
    uf = min(u1f, n1 * n2 - u1f)
    var = Fraction(n1 * n2, 12) * ((n + 1) - Fraction(tie_sum(pooled), n * (n - 1)))
    z = float(uf - Fraction(n1 * n2, 2)) / math.sqrt(float(var))
    p = float(res.pvalue)
    assert abs(2 * st.norm.sf(abs(z)) - p) <= 1e-12 * max(p, 1e-300) + 1e-300, (z, p)
    assert abs(u1 - float(u1f)) < 1e-9
    return {
        "n1": n1, "n2": n2, "rank_sum1": r1, "rank_sum2": r2, "mean_rank1": r1 / n1, "mean_rank2": r2 / n2,
        "u1": u1, "u2": u2, "u": u, "w": w, "z": z, "p": p, "r": z / math.sqrt(n),
        "rank_biserial": 2 * u1 / (n1 * n2) - 1,
    }


def exact_refs(pairs: list[tuple[str, list[float], list[float]]]) -> dict[str, tuple[float, str]]:
    """Exact two-sided p per id: scipy exact without ties, R coin with ties; both cross-checked."""
    coin: dict[str, float] = {}
    if RSCRIPT and pairs:
        for line in run_r(R_COIN, [f"{i}\t{fmt(x)}\t{fmt(y)}" for i, x, y in pairs]):
            key, value = line.split()
            coin[key] = float(value)
    out: dict[str, tuple[float, str]] = {}
    for key, x, y in pairs:
        enumerated = exact_p_enumerated(x, y)
        if not has_ties(x + y):
            p = float(st.mannwhitneyu(x, y, alternative="two-sided", method="exact").pvalue)
            source = "scipy.stats.mannwhitneyu(method='exact')"
        elif key in coin:
            p = coin[key]
            source = "R coin::wilcox_test(distribution=exact())"
        else:
            p = enumerated
            source = "numpy subset-sum count in make_stats_cases.py (R not available)"
        assert abs(p - enumerated) <= 1e-10 * p, (key, p, enumerated)
        if key in coin:
            assert abs(p - coin[key]) <= 1e-10 * p, (key, p, coin[key])
        out[key] = (p, source)
    return out


def mann_whitney_cases(count: int) -> list[dict]:
    cases = []
    specs = []
    while len(specs) < count:
        n1 = int(rng.integers(2, 61))
        n2 = int(rng.integers(2, 61)) if rng.random() < 0.7 else int(rng.integers(2, 9))
        style = ["continuous", "integers", "few"][len(specs) % 3]
        shift = float(rng.choice([0.0, 0.0, 0.5, 1.0, 2.0]))
        x = draw(n1, style)
        y = draw(n2, style, shift)
        if all_tied(x + y):
            continue
        specs.append((f"mw{len(specs):03d}", x, y, style))
    exact = exact_refs([(i, x, y) for i, x, y, _ in specs])
    for key, x, y, style in specs:
        ref = mann_whitney_ref(x, y)
        p_exact, source = exact[key]
        ref["p_exact"] = p_exact
        cases.append({
            "id": key, "style": style, "x": x, "y": y, "expected": ref,
            "reference": {
                "p": "scipy.stats.mannwhitneyu(method='asymptotic', use_continuity=False)",
                "u1": "scipy.stats.mannwhitneyu statistic",
                "z": "tie-corrected formula in exact rationals (checked against scipy p)",
                "rank_sums": "scipy.stats.rankdata",
                "p_exact": source,
            },
        })
    return cases


# ------------------------------------------------------------------------------------- Kruskal-Wallis

def kruskal_cases(count: int) -> list[dict]:
    specs = []
    while len(specs) < count:
        k = int(rng.integers(2, 6))
        style = ["continuous", "integers", "few"][len(specs) % 3]
        sizes = [int(rng.integers(2, 61)) if rng.random() < 0.6 else int(rng.integers(2, 12)) for _ in range(k)]
        shifts = [float(rng.choice([0.0, 0.0, 0.5, 1.0])) for _ in range(k)]
        groups = [draw(n, style, s) for n, s in zip(sizes, shifts)]
        if all_tied([v for g in groups for v in g]):
            continue
        specs.append((f"kw{len(specs):03d}", groups, style))

    pair_specs = []
    for key, groups, _ in specs:
        for a, b in combinations(range(len(groups)), 2):
            if not all_tied(groups[a] + groups[b]):
                pair_specs.append((f"{key}-{a}-{b}", groups[a], groups[b]))
    exact = exact_refs(pair_specs)

    cases = []
    holm_inputs = []
    for key, groups, style in specs:
        pooled = [v for g in groups for v in g]
        n = len(pooled)
        h, p = st.kruskal(*groups)
        # exact rational H
        rf = midranks_fraction(pooled)
        offset = 0
        between = Fraction(0)
        centre = Fraction(n + 1, 2)
        for g in groups:
            mean = sum(rf[offset:offset + len(g)]) / len(g)
            between += len(g) * (mean - centre) ** 2
            offset += len(g)
        h_exact = float(Fraction(12, n * (n + 1)) * between / (1 - Fraction(tie_sum(pooled), n ** 3 - n)))
        assert abs(h - h_exact) <= 1e-9 * h_exact + 1e-12, (key, h, h_exact)
        ranks = st.rankdata(pooled)
        sums, means = [], []
        offset = 0
        for g in groups:
            s = float(np.sum(ranks[offset:offset + len(g)]))
            offset += len(g)
            sums.append(s)
            means.append(s / len(g))
        # Dunn
        spread = n * (n + 1) / 12 - tie_sum(pooled) / (12 * (n - 1))
        dunn = []
        pairs = []
        for a, b in combinations(range(len(groups)), 2):
            se = math.sqrt(spread * (1 / len(groups[a]) + 1 / len(groups[b])))
            z = (means[a] - means[b]) / se
            dp = float(2 * st.norm.sf(abs(z)))
            dunn.append({"a": a, "b": b, "difference": means[a] - means[b], "se": se, "z": z, "p": dp})
            mw = mann_whitney_ref(groups[a], groups[b])
            pe = exact.get(f"{key}-{a}-{b}")
            pairs.append({"a": a, "b": b, "u": mw["u"], "w": mw["w"], "z": mw["z"], "p": mw["p"],
                          "p_exact": pe[0] if pe else None, "p_exact_source": pe[1] if pe else None})
        m = len(dunn)
        for d in dunn:
            d["p_bonferroni"] = min(1.0, d["p"] * m)
        holm_inputs.append((key, "dunn", [d["p"] for d in dunn]))
        holm_inputs.append((key, "mw", [q["p"] for q in pairs]))
        cases.append({
            "id": key, "style": style, "groups": groups,
            "expected": {"n": n, "h": float(h), "h_exact_rational": h_exact, "df": len(groups) - 1, "p": float(p),
                         "epsilon_squared": float(h) / (n - 1), "rank_sums": sums, "mean_ranks": means,
                         "dunn": dunn, "pairwise": pairs},
            "reference": {"h": "scipy.stats.kruskal", "p": "scipy.stats.kruskal",
                          "dunn": "numpy formula (see script docstring)"},
        })

    holm_source = "R p.adjust(method='holm')" if RSCRIPT else "numpy step-down Holm in make_stats_cases.py"
    if RSCRIPT:
        lines = [f"{key}|{kind}\t{fmt(ps)}" for key, kind, ps in holm_inputs]
        adjusted = {}
        for line in run_r(R_HOLM, lines):
            ident, values = line.split()
            adjusted[ident] = [float(v) for v in values.split(",")]
    else:
        adjusted = {f"{key}|{kind}": holm_numpy(ps) for key, kind, ps in holm_inputs}
    by_id = {c["id"]: c for c in cases}
    for key, kind, ps in holm_inputs:
        adj = adjusted[f"{key}|{kind}"]
        check = holm_numpy(ps)
        assert all(abs(a - b) <= 1e-12 * max(a, 1e-300) for a, b in zip(adj, check)), (key, adj, check)
        target = by_id[key]["expected"]["dunn" if kind == "dunn" else "pairwise"]
        for entry, value in zip(target, adj):
            entry["p_holm"] = value
        by_id[key]["reference"]["p_holm"] = holm_source
    return cases


# ---------------------------------------------------------------------------------------- correlation

def fisher_ci(r: float, n: int, k: int) -> tuple[float | None, float | None]:
    dof = n - 3 - k
    if dof <= 0 or abs(r) >= 1:
        return None, None
    half = st.norm.ppf(0.975) / math.sqrt(dof)
    return float(np.tanh(np.arctanh(r) - half)), float(np.tanh(np.arctanh(r) + half))


def correlated(n: int, style: str, rho: float) -> tuple[list[float], list[float]]:
    x = rng.normal(0, 1, n)
    y = rho * x + math.sqrt(1 - rho * rho) * rng.normal(0, 1, n)
    if style == "continuous":
        return [round(float(v), 6) for v in x], [round(float(v), 6) for v in y]
    if style == "integers":
        return [float(v) for v in np.round(3 * x + 10)], [float(v) for v in np.round(3 * y + 10)]
    return [float(v) for v in np.digitize(x, [-0.5, 0.5])], [float(v) for v in np.digitize(y, [-1, 0, 1])]


def with_missing(values: list[float], rate: float) -> list[float | None]:
    return [None if rng.random() < rate else v for v in values]


def complete(*columns: list[float | None]) -> list[list[float]]:
    keep = [i for i in range(len(columns[0])) if all(c[i] is not None for c in columns)]
    return [[c[i] for i in keep] for c in columns]  # type: ignore[misc]


def correlation_cases(count: int) -> list[dict]:
    cases = []
    while len(cases) < count:
        idx = len(cases)
        style = ["continuous", "integers", "few"][idx % 3]
        kind = ["pearson", "spearman", "partial"][(idx // 3) % 3]
        k = int(rng.integers(1, 4)) if kind == "partial" else 0
        n = int(rng.integers(max(4, k + 5), 61))
        rho = float(rng.choice([0.0, 0.3, 0.7, -0.5, 0.95]))
        x, y = correlated(n, style, rho)
        controls = [correlated(n, style, 0.5)[0] for _ in range(k)]
        if kind == "partial":
            # make the controls related to x and y, so that partialling out matters
            controls = [[round(c + 0.5 * a, 6) for c, a in zip(col, x)] for col in controls]
        rate = 0.1 if n >= 12 and rng.random() < 0.4 else 0.0
        xm, ym = with_missing(x, rate), with_missing(y, rate)
        cm = [with_missing(c, rate) for c in controls]
        cols = complete(xm, ym, *cm)
        cx, cy, cz = cols[0], cols[1], cols[2:]
        if len(set(cx)) < 2 or len(set(cy)) < 2 or len(cx) < k + 5:
            continue
        ranks = kind == "partial" and rng.random() < 0.4
        if kind == "pearson":
            res = st.pearsonr(cx, cy)
            ci = res.confidence_interval(0.95)
            expected = {"n": len(cx), "r": float(res.statistic), "p": float(res.pvalue),
                        "ci_low": float(ci.low), "ci_high": float(ci.high)}
            ref = {"r": "scipy.stats.pearsonr", "p": "scipy.stats.pearsonr",
                   "ci": "scipy.stats.pearsonr(...).confidence_interval(0.95)"}
        elif kind == "spearman":
            res = st.spearmanr(cx, cy)
            lo, hi = fisher_ci(float(res.statistic), len(cx), 0)
            expected = {"n": len(cx), "r": float(res.statistic), "p": float(res.pvalue), "ci_low": lo, "ci_high": hi}
            ref = {"r": "scipy.stats.spearmanr", "p": "scipy.stats.spearmanr", "ci": "Fisher z formula (numpy)"}
        else:
            data = [np.asarray(c, dtype=float) for c in [cx, cy, *cz]]
            if ranks:
                data = [st.rankdata(c) for c in data]
            design = np.column_stack([np.ones(len(cx)), *data[2:]])
            if np.linalg.matrix_rank(design) < design.shape[1]:
                continue
            ex = data[0] - design @ np.linalg.lstsq(design, data[0], rcond=None)[0]
            ey = data[1] - design @ np.linalg.lstsq(design, data[1], rcond=None)[0]
            if np.allclose(ex, 0) or np.allclose(ey, 0):
                continue
            r = float(st.pearsonr(ex, ey).statistic)
            df = len(cx) - 2 - k
            t = r * math.sqrt(df / ((1 - r) * (1 + r)))
            lo, hi = fisher_ci(r, len(cx), k)
            expected = {"n": len(cx), "r": r, "df": df, "p": float(2 * st.t.sf(abs(t), df)), "ci_low": lo, "ci_high": hi}
            ref = {"r": "residual method: numpy.linalg.lstsq residuals + scipy.stats.pearsonr",
                   "p": "2*scipy.stats.t.sf(|t|, n-2-k)", "ci": "Fisher z formula (numpy), se 1/sqrt(n-3-k)"}
        cases.append({"id": f"cor{idx:03d}", "kind": kind, "ranks": ranks, "style": style, "x": xm, "y": ym,
                      "controls": cm, "expected": expected, "reference": ref})
    return cases


# --------------------------------------------------------------------------------- descriptives, tails

def descriptive_cases(count: int) -> list[dict]:
    cases = []
    for i in range(count):
        n = int(rng.integers(1, 61))
        values: list[float | None] = with_missing(draw(n, ["continuous", "integers", "few"][i % 3]), 0.15 if i % 2 else 0)
        present = np.asarray([v for v in values if v is not None], dtype=float)
        if len(present) == 0:
            values[0] = 1.5
            present = np.asarray([v for v in values if v is not None], dtype=float)
        cases.append({
            "id": f"desc{i:03d}", "values": values,
            "expected": {
                "n": int(len(present)), "missing": int(len(values) - len(present)),
                "median": float(np.median(present)),
                "q1": float(np.percentile(present, 25, method="linear")),
                "q3": float(np.percentile(present, 75, method="linear")),
                "mean": float(np.mean(present)),
                "sd": float(np.std(present, ddof=1)) if len(present) > 1 else None,
                "min": float(np.min(present)), "max": float(np.max(present)),
            },
            "reference": "numpy median / percentile(method='linear') / mean / std(ddof=1) / min / max",
        })
    return cases


def tail_cases(count: int) -> list[dict]:
    cases = []
    for i in range(count):
        kind = ["normal", "t", "chi2"][i % 3]
        if kind == "normal":
            z = float(rng.choice([-1, 1]) * rng.uniform(0, 12) ** 1.0)
            cases.append({"id": f"tail{i:03d}", "kind": kind, "z": z, "expected": float(2 * st.norm.sf(abs(z))),
                          "reference": "2*scipy.stats.norm.sf(|z|)"})
        elif kind == "t":
            df = int(rng.integers(1, 120))
            t = float(rng.uniform(0, 15))
            cases.append({"id": f"tail{i:03d}", "kind": kind, "t": t, "df": df,
                          "expected": float(2 * st.t.sf(t, df)), "reference": "2*scipy.stats.t.sf(t, df)"})
        else:
            df = int(rng.integers(1, 5))
            x = float(rng.uniform(0, 90))
            cases.append({"id": f"tail{i:03d}", "kind": kind, "x": x, "df": df,
                          "expected": float(st.chi2.sf(x, df)), "reference": "scipy.stats.chi2.sf(x, df)"})
    return cases


def main() -> None:
    software = {"python": ".".join(map(str, __import__("sys").version_info[:3])), "numpy": np.__version__,
                "scipy": scipy.__version__, "seed": SEED,
                "R": r_version() if RSCRIPT else None, "coin": r_version("coin") if RSCRIPT else None}
    outputs = {
        "mann-whitney.json": mann_whitney_cases(240),
        "kruskal-wallis.json": kruskal_cases(120),
        "correlation.json": correlation_cases(150),
        "descriptives.json": descriptive_cases(60),
        "tails.json": tail_cases(60),
    }
    total = 0
    for name, cases in outputs.items():
        total += len(cases)
        with open(os.path.join(HERE, name), "w") as f:
            json.dump({"software": software, "cases": cases}, f, separators=(",", ":"), allow_nan=False)
            f.write("\n")
    print(f"wrote {total} cases:", ", ".join(f"{k} {len(v)}" for k, v in outputs.items()))


if __name__ == "__main__":
    main()
