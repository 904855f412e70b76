"""The statistics of collocates, keywords and dispersion, as plain functions of counts.

Collocation of a node x (the WORD) and a collocate y, with f(x) the node's occurrences, f(y) the
collocate's frequency in the corpus, f(xy) their co-occurrences within the window and N the corpus's
counted words (``freq``'s words):

- **MI** (mutual information, Church & Hanks 1990, as AntConc computes it, with no span factor):
  ``log2(f(xy) · N / (f(x) · f(y)))``.
- **t-score** (Church et al. 1991): ``(f(xy) − f(x)·f(y)/N) / √f(xy)``.
- **logDice** (Rychlý 2008): ``14 + log2(2 · f(xy) / (f(x) + f(y)))``; at most 14, independent of N.
- **log-likelihood** (G², Dunning 1993) of the 2×2 table ``O11 = f(xy)``, ``O12 = f(x) − f(xy)``,
  ``O21 = f(y) − f(xy)``, ``O22 = N − f(x) − f(y) + f(xy)``, with ``E_ij = R_i·C_j / N`` from the
  table's margins: ``2 · Σ O_ij · ln(O_ij / E_ij)`` (0 · ln 0 = 0; a cell the window makes negative,
  a collocate seen more often near the node than the node occurs, counts 0).

Keyness of a word with frequency a in a target of c words and b in a reference of d words:

- **log-likelihood** (Dunning 1993, as Rayson & Garside 2000 compute it):
  ``E1 = c·(a+b)/(c+d)``, ``E2 = d·(a+b)/(c+d)``, ``LL = 2·(a·ln(a/E1) + b·ln(b/E2))``, given the
  sign of the difference: negative when the word is rarer in the target (a/c < b/d).
- **Log Ratio** (Hardie 2014): ``log2((a/c) / (b/d))``, a zero frequency counted as 0.5, so that a
  word absent from one corpus gets a finite ratio.
- The critical value of LL for a p-value is that of χ² with one degree of freedom
  (p = 0.01 → 6.63); with Bonferroni's correction, of p / m for m words compared.

Dispersion of a word over n parts (documents) of sizes s_i, in which it occurs v_i times:

- **Juilland's D** (Juilland & Chang-Rodríguez 1964), on the relative frequencies p_i = v_i / s_i
  since documents differ in size: ``D = 1 − (σ(p) / mean(p)) / √(n − 1)``, σ the population standard
  deviation; 1 = evenly spread, 0 = all in one part. Undefined (None) for fewer than two parts or
  no occurrence.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

MEASURES = ("mi", "ll", "logdice", "t")


def mi(fxy: int, fx: int, fy: int, n: int) -> float:
    """Mutual information: log2(f(xy)·N / (f(x)·f(y)))."""
    return math.log2(fxy * n / (fx * fy))


def t_score(fxy: int, fx: int, fy: int, n: int) -> float:
    """t-score: (f(xy) − f(x)·f(y)/N) / √f(xy)."""
    return (fxy - fx * fy / n) / math.sqrt(fxy)


def log_dice(fxy: int, fx: int, fy: int) -> float:
    """logDice: 14 + log2(2·f(xy) / (f(x) + f(y)))."""
    return 14 + math.log2(2 * fxy / (fx + fy))


def _g2(observed: Sequence[float], expected: Sequence[float]) -> float:
    return 2 * sum(o * math.log(o / e) for o, e in zip(observed, expected, strict=True) if o > 0 and e > 0)


def log_likelihood_2x2(fxy: int, fx: int, fy: int, n: int) -> float:
    """G² of the contingency table of x and y (see the module's docstring)."""
    o11 = fxy
    o12 = max(fx - fxy, 0)
    o21 = max(fy - fxy, 0)
    o22 = max(n - fx - fy + fxy, 0)
    r1, r2 = fx, n - fx
    c1, c2 = fy, n - fy
    expected = (r1 * c1 / n, r1 * c2 / n, r2 * c1 / n, r2 * c2 / n)
    return _g2((o11, o12, o21, o22), expected)


def collocation_score(measure: str, fxy: int, fx: int, fy: int, n: int) -> float:
    """The score of ``measure`` (one of :data:`MEASURES`)."""
    if measure == "mi":
        return mi(fxy, fx, fy, n)
    if measure == "t":
        return t_score(fxy, fx, fy, n)
    if measure == "logdice":
        return log_dice(fxy, fx, fy)
    if measure == "ll":
        return log_likelihood_2x2(fxy, fx, fy, n)
    raise ValueError(f"unknown measure {measure!r}")


def keyness_ll(a: int, b: int, c: int, d: int) -> float:
    """Signed log-likelihood of a word seen ``a`` times in ``c`` target words, ``b`` in ``d`` reference ones."""
    if c <= 0 or d <= 0 or a + b == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    ll = _g2((a, b), (e1, e2))
    return -ll if a * d < b * c else ll


def log_ratio(a: int, b: int, c: int, d: int) -> float:
    """Hardie's Log Ratio: log2 of the ratio of relative frequencies, zeros counted as 0.5."""
    return math.log2(((a or 0.5) / c) / ((b or 0.5) / d))


def chi2_critical(p: float) -> float:
    """The x with P(χ²₁ ≥ x) = p: P(χ²₁ ≥ x) = erfc(√(x/2)), inverted by bisection (to 1e-12)."""
    if not 0 < p < 1:
        raise ValueError("p must be between 0 and 1")
    lo, hi = 0.0, 1.0
    while math.erfc(math.sqrt(hi / 2)) > p:
        hi *= 2
    while hi - lo > 1e-12 * max(1.0, hi):
        mid = (lo + hi) / 2
        if math.erfc(math.sqrt(mid / 2)) > p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def juilland_d(hits: Sequence[int], sizes: Sequence[int]) -> float | None:
    """Juilland's D of a word with ``hits[i]`` occurrences in part i of ``sizes[i]`` words."""
    parts = [(v, s) for v, s in zip(hits, sizes, strict=True) if s > 0]
    n = len(parts)
    if n < 2 or not any(v for v, _ in parts):
        return None
    p = [v / s for v, s in parts]
    mean = sum(p) / n
    sd = math.sqrt(sum((x - mean) ** 2 for x in p) / n)
    return 1 - (sd / mean) / math.sqrt(n - 1)
