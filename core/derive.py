"""Numbers derived in this project from published ones: intervals and per-capita rates."""

from math import sqrt

Z95 = 1.959963984540054


def wilson_interval(cases: int, n: int, z: float = Z95) -> tuple[float, float]:
    """95% Wilson score interval for cases of n, in percent (simple random sampling assumed)."""
    if n <= 0 or not 0 <= cases <= n:
        raise ValueError(f"need 0 <= cases <= n and n > 0, got {cases} of {n}")
    p = cases / n
    denominator = 1 + z * z / n
    centre = p + z * z / (2 * n)
    half = z * sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (centre - half) / denominator * 100, (centre + half) / denominator * 100


def per_100k(count: float, population: float) -> float:
    """A count per 100,000 people."""
    if population <= 0:
        raise ValueError("population must be positive")
    return count / population * 100_000
