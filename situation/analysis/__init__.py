"""The lägesbild's statistics: pure functions on numpy arrays and dataclasses, no ORM."""

from situation.analysis.fdr import benjamini_hochberg, hot_spot_classes, p_values
from situation.analysis.hotspots import HotSpots, gi_star, hot_spots

__all__ = [
    "HotSpots",
    "benjamini_hochberg",
    "gi_star",
    "hot_spot_classes",
    "hot_spots",
    "p_values",
]
