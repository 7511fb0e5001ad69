"""Results of safety survey waves: weights, tables with suppression, comparisons, indicators,
exports and the public summary. `on_wave_closed(wave)` is the hook the waves pages call."""

from surveys.results.closing import ClosingReport, on_wave_closed

__all__ = ["ClosingReport", "on_wave_closed"]
