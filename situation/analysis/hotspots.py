"""Getis-Ord Gi* on a regular grid: the z-score of each cell's neighbourhood (the cell and its up
to eight queen neighbours, binary weights) against the whole grid, as PySAL's
`esda.G_Local(y, lat2W(rows, cols, rook=False), transform="B", star=True).Zs`.

With k_i cells in the neighbourhood of cell i, L_i their sum, n cells, mean x̄ and population
standard deviation s of the grid, that definition reduces to

    z_i = (L_i - k_i x̄) / (s √(k_i (n - k_i) / (n - 1)))

The neighbourhood sums are shifted additions of whole rows, done a band of rows at a time in a
small scratch buffer that stays in the processor's cache, and written straight into the result:
besides the result the only memory is that buffer and a few rows and columns, whatever the size
of the grid.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from situation.analysis.fdr import benjamini_hochberg, hot_spot_classes, p_values

# The grid's variance is taken as zero when it is lost in the rounding of mean(x²) - x̄².
_ROUNDING = 64 * np.finfo(np.float64).eps
# Cells per band of rows: 32,768 float64 (256 KB) keep the band's scratch in the L2 cache.
_BAND_CELLS = 1 << 15


def gi_star(counts: ArrayLike) -> np.ndarray:
    """Gi* z-scores of a 2-D grid of counts, same shape, float64.

    Edge and corner cells have fewer neighbours (k = 6 or 4 instead of 9). Where z is undefined
    it is nan, as PySAL's 0/0 gives: every cell of a grid whose cells are all equal (including
    all zero), and any cell whose neighbourhood is the whole grid (a grid of at most 2×2 cells,
    the centre of a 3×3 grid, or 1×2, 1×3, 2×3 …), since n - k_i = 0.
    """
    counts = np.asarray(counts)
    values = np.array(counts, dtype=np.float64, order="C")
    if values.ndim != 2:
        raise ValueError(f"gi_star needs a 2-D grid, got {values.ndim} dimension(s)")
    if values.size == 0:
        return values
    flat = values.reshape(-1)
    n = flat.size
    total = float(flat.sum())
    if not np.isfinite(total):
        raise ValueError("gi_star needs finite counts")
    mean = total / n
    mean_of_squares = _sum_of_squares(values) / n
    variance = mean_of_squares - mean * mean
    if variance <= _ROUNDING * mean_of_squares:
        values.fill(np.nan)
        return values
    if min(values.shape) >= 3:
        _z_by_bands(values, counts, mean=mean, sd=variance**0.5)
    else:
        # One or two rows or columns: no interior, and no grid big enough to matter.
        _neighbourhood_sums(values)
        _standardise(values, mean=mean, sd=variance**0.5)
    return values


@dataclass(frozen=True)
class HotSpots:
    """Gi* on a grid, cell by cell: z-score, two-sided p-value, Benjamini–Hochberg adjusted
    p-value and Gi_Bin class (±3, ±2, ±1, 0; with the FDR when `fdr` was asked for)."""

    z: np.ndarray
    p: np.ndarray
    p_adjusted: np.ndarray
    classes: np.ndarray
    fdr: bool


def hot_spots(counts: ArrayLike, *, fdr: bool = True) -> HotSpots:
    """Gi* z-scores of the grid and their hot and cold spot classes."""
    z = gi_star(counts)
    p = p_values(z)
    return HotSpots(
        z=z,
        p=p,
        p_adjusted=benjamini_hochberg(p),
        classes=hot_spot_classes(z, fdr=fdr),
        fdr=fdr,
    )


def _z_by_bands(values: np.ndarray, counts: np.ndarray, *, mean: float, sd: float) -> None:
    """Gi* in place for a grid of at least 3×3: a band of rows at a time, the neighbourhood sums
    of its rows are written over them and scaled as interior cells (k = 9). The outermost rows
    and columns are then summed again from the counts and scaled with their own k."""
    rows, cols = values.shape
    n = values.size
    step = max(1, _BAND_CELLS // cols)
    scratch = np.empty((step + 1, cols))  # sums along the rows of a band and of the row below
    above = np.empty(cols)  # sums along the row above the band, before it was overwritten
    for start in range(0, rows, step):
        stop = min(start + step, rows)
        below = min(stop + 1, rows)
        m = stop - start
        across = scratch[: below - start]
        # Shifted additions over the flat band: in the first and last column they run on into
        # the next row, which only the outermost columns see, and those are done again below.
        flat, sums = values[start:below].reshape(-1), across.reshape(-1)
        np.add(flat[:-1], flat[1:], out=sums[1:])
        sums[0] = flat[0]
        sums[:-1] += flat[1:]
        band = values[start:stop]
        if below > stop:
            np.add(across[:m], across[1 : m + 1], out=band)
        else:
            band[:] = across[:m]
            band[:-1] += across[1:m]
        band[1:] += across[: m - 1]
        if start > 0:
            band[0] += above
        above[:] = across[m - 1]
        _z(band.reshape(-1), 9, n=n, mean=mean, sd=sd)
    # Along the edges k = 2·3 = 6, in the corners 2·2 = 4.
    for target, pair in (
        (values[:, 0], counts[:, :2].T),
        (values[:, -1], counts[:, -2:].T),
        (values[0], counts[:2]),
        (values[-1], counts[-2:]),
    ):
        edge = _line_sums(pair[0] + pair[1].astype(np.float64))
        target[1:-1] = _z(edge[1:-1], 6, n=n, mean=mean, sd=sd)
        target[[0, -1]] = _z(edge[[0, -1]], 4, n=n, mean=mean, sd=sd)


def _sum_of_squares(values: np.ndarray) -> float:
    """The sum of the squares of a 2-D array as BLAS dot products of its rows, in one call over
    all rows: about twice as fast as einsum over the flat array. Rows up to OpenBLAS's threading
    threshold (10,000 values) run on the calling thread, so no BLAS threads are left spinning on
    a busy machine; only a grid wider than that may use them."""
    return float(np.vecdot(values, values).sum())


def _line_sums(line: np.ndarray) -> np.ndarray:
    """Each value of a line plus its neighbours on either side, in place."""
    original = line.copy()
    line[1:] += original[:-1]
    line[:-1] += original[1:]
    return line


def _sums_along_rows(values: np.ndarray, *, out: np.ndarray) -> None:
    """Each cell plus its left and right neighbours, for a C-ordered block of at least 2
    columns: shifted additions over the flat block, then the first and last column set again,
    since the flat shift carried values over from the neighbouring row."""
    flat, sums = values.reshape(-1), out.reshape(-1)
    np.add(flat[:-1], flat[1:], out=sums[1:])
    sums[0] = flat[0]
    sums[:-1] += flat[1:]
    np.add(values[:, 0], values[:, 1], out=out[:, 0])
    np.add(values[:, -2], values[:, -1], out=out[:, -1])


def _neighbourhood_sums(values: np.ndarray) -> None:
    """Replace each cell by the sum over its 3×3 neighbourhood clipped to the grid."""
    rows, cols = values.shape
    flat = values.reshape(-1)
    across = np.empty_like(flat)
    if cols == 1:
        across[:] = flat
    else:
        _sums_along_rows(values, out=across.reshape(rows, cols))
    # Down the columns: whole rows shifted, contiguous, written back into the grid.
    if rows == 1:
        flat[:] = across
        return
    np.add(across[:-cols], across[cols:], out=flat[cols:])
    np.add(across[:cols], across[cols : 2 * cols], out=flat[:cols])
    flat[cols:-cols] += across[2 * cols :]


def _runs(size: int) -> list[tuple[slice, int]]:
    """Runs of rows (or columns) with the same number of neighbours along that axis."""
    if size <= 2:
        return [(slice(0, size), size)]
    return [(slice(0, 1), 2), (slice(1, size - 1), 3), (slice(size - 1, size), 2)]


def _standardise(sums: np.ndarray, *, mean: float, sd: float) -> None:
    """Turn neighbourhood sums into z-scores in place, block by block of equal k (for grids of
    one or two rows or columns; larger ones are done by _z_by_bands)."""
    n = sums.size
    blocks = [
        (rows, cols, k_rows * k_cols)
        for rows, k_rows in _runs(sums.shape[0])
        for cols, k_cols in _runs(sums.shape[1])
    ]
    # The largest block is done over the whole flat array, which is fast and contiguous; the
    # others are computed first, from copies of their sums.
    largest = max(blocks, key=lambda block: sums[block[0], block[1]].size)
    borders = [
        (rows, cols, _z(sums[rows, cols].copy(), k, n=n, mean=mean, sd=sd))
        for rows, cols, k in blocks
        if (rows, cols, k) != largest
    ]
    _z(sums.reshape(-1), largest[2], n=n, mean=mean, sd=sd)
    for rows, cols, z in borders:
        sums[rows, cols] = z


def _z(sums: np.ndarray, k: int, *, n: int, mean: float, sd: float) -> np.ndarray:
    """z-scores of neighbourhood sums of k cells, in place."""
    if k >= n:
        sums.fill(np.nan)
        return sums
    sums -= k * mean
    sums *= 1.0 / (sd * (k * (n - k) / (n - 1)) ** 0.5)
    return sums
