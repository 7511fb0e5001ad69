"""A kernel density surface over a grid of counts: each point spread as a Gaussian of the given
bandwidth (its standard deviation, in metres), in points per square kilometre."""

import numpy as np
from numpy.typing import ArrayLike
from scipy.ndimage import gaussian_filter


def kernel_density(counts: ArrayLike, *, cell_m: float, bandwidth_m: float) -> np.ndarray:
    """Gaussian kernel density of the counts, points per km², same shape as the grid.

    The part of a kernel that falls outside the grid is lost (the grid is taken to have no
    points beyond its edges), so the surface sums to the number of points less what spilt over.
    """
    if not cell_m > 0 or bandwidth_m < 0:
        raise ValueError("the cell size must be positive and the bandwidth not negative")
    counts = np.asarray(counts, dtype=np.float64)
    smoothed = gaussian_filter(counts, sigma=bandwidth_m / cell_m, mode="constant", cval=0.0)
    return smoothed / (cell_m / 1000.0) ** 2
