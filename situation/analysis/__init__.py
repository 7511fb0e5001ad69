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
from situation.analysis.patterns import TimePattern, time_pattern
from situation.analysis.rates import (
    Change,
    Comparison,
    CrimeCount,
    Figure,
    Marker,
    Rate,
    aggregate,
    change,
    changes,
    compare,
    parse_count,
    previous_period,
    rate,
    rates,
    same_period_last_year,
    total,
)

__all__ = [
    "Change",
    "Comparison",
    "CrimeCount",
    "Figure",
    "Grid",
    "HotSpots",
    "Marker",
    "Rate",
    "TimePattern",
    "aggregate",
    "benjamini_hochberg",
    "bin_points",
    "cell_centres",
    "cells_geojson",
    "change",
    "changes",
    "compare",
    "gi_star",
    "grid_around",
    "hot_spot_classes",
    "hot_spots",
    "kernel_density",
    "make_grid",
    "p_values",
    "parse_count",
    "previous_period",
    "rate",
    "rates",
    "same_period_last_year",
    "time_pattern",
    "total",
]
