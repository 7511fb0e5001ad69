"""The lägesbild's statistics: pure functions on numpy arrays and dataclasses, no ORM."""

from situation.analysis.hotspots import gi_star

__all__ = ["gi_star"]
