"""Which Gi* z-scores are hot or cold spots: two-sided p-values, the Benjamini–Hochberg false
discovery rate, and classes at 90, 95 and 99 % confidence as ArcGIS's Gi_Bin gives them
(3, 2, 1 for hot spots, -3, -2, -1 for cold spots, 0 for neither).

Nan z-scores (cells where Gi* is undefined) have nan p-values, count as no test in the
Benjamini–Hochberg step and are in class 0.
"""

import numpy as np
from numpy.typing import ArrayLike
from scipy.stats import norm

# (class, largest p-value or FDR-adjusted p-value), strictest first.
CONFIDENCE_LEVELS = ((3, 0.01), (2, 0.05), (1, 0.10))


def p_values(z: ArrayLike) -> np.ndarray:
    """Two-sided p-values of standard normal z-scores, same shape; nan stays nan."""
    z = np.asarray(z, dtype=np.float64)
    return 2.0 * norm.sf(np.abs(z))


def benjamini_hochberg(p: ArrayLike) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values, same shape: p_(i)·m/i made monotone from the largest
    down and capped at 1, with m the number of non-nan p-values. A cell is a discovery at false
    discovery rate q exactly when its adjusted p-value is at most q."""
    p = np.asarray(p, dtype=np.float64)
    flat = p.ravel()
    tested = np.flatnonzero(~np.isnan(flat))
    adjusted = np.full(flat.shape, np.nan)
    m = tested.size
    if m == 0:
        return adjusted.reshape(p.shape)
    if ((flat[tested] < 0) | (flat[tested] > 1)).any():
        raise ValueError("p-values lie between 0 and 1")
    order = tested[np.argsort(flat[tested], kind="stable")]
    scaled = flat[order] * (m / np.arange(1, m + 1))
    adjusted[order] = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    return adjusted.reshape(p.shape)


def hot_spot_classes(z: ArrayLike, *, fdr: bool = True) -> np.ndarray:
    """Gi_Bin classes (int8, same shape as z): ±3 at 99 %, ±2 at 95 %, ±1 at 90 % confidence,
    the sign of z telling hot from cold; 0 where not significant or z is nan. With `fdr` the
    Benjamini–Hochberg adjusted p-values are compared with 1 - confidence, so that at most that
    share of the cells called hot or cold at each level are expected to be false."""
    z = np.asarray(z, dtype=np.float64)
    p = p_values(z)
    if fdr:
        p = benjamini_hochberg(p)
    level = np.zeros(z.shape, dtype=np.int8)
    for value, largest_p in reversed(CONFIDENCE_LEVELS):
        level[p <= largest_p] = value
    return (level * np.sign(np.nan_to_num(z))).astype(np.int8)
