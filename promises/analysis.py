"""Pure functions on indicator values: no ORM in here."""

from decimal import Decimal

Number = Decimal | float | int


def traffic_light(
    *, baseline: Number | None, target: Number | None, latest: Number | None, higher_is_better: bool
) -> str | None:
    """Suggest green (target reached), yellow (better than baseline) or red (no better).

    None when there is nothing to judge: no measurement, or neither a baseline nor a target.
    """
    if latest is None or (baseline is None and target is None):
        return None
    sign = 1 if higher_is_better else -1
    if target is not None and sign * (latest - target) >= 0:
        return "green"
    if baseline is None:
        return "yellow"
    return "yellow" if sign * (latest - baseline) > 0 else "red"


def share_of_target(done: int, target: int | None) -> int | None:
    """Percent of a quantity target reached, capped at 100; None without a target."""
    if not target:
        return None
    return min(100, round(100 * done / target))
