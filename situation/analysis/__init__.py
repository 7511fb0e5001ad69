"""The lägesbild's statistics: pure functions on numpy arrays and dataclasses, no ORM."""

from situation.analysis.density import kernel_density
from situation.analysis.fdr import benjamini_hochberg, hot_spot_classes, p_values
from situation.analysis.grid import (
    Grid,
    bin_points,
    cell_centres,
    cells_geojson,
    grid_around,
    make_grid,
)
from situation.analysis.hotspots import HotSpots, gi_star, hot_spots

__all__ = [
    "Grid",
    "HotSpots",
    "benjamini_hochberg",
    "bin_points",
    "cell_centres",
    "cells_geojson",
    "gi_star",
    "grid_around",
    "hot_spot_classes",
    "hot_spots",
    "kernel_density",
    "make_grid",
    "p_values",
]
