from decimal import Decimal

import pytest

from core.privacy import FigureState, public_count
from promises.analysis import share_of_target, traffic_light


@pytest.mark.parametrize(
    ("baseline", "target", "latest", "up", "expected"),
    [
        (20, 15, 14, "", "green"),  # lower is better, target passed
        (20, 15, 15, "", "green"),  # exactly on target
        (20, 15, 17, "", "yellow"),  # better than baseline, not there yet
        (20, 15, 20, "", "red"),  # unchanged
        (20, 15, 23, "", "red"),  # worse
        (55, 60, 61, "up", "green"),
        (55, 60, 57, "up", "yellow"),
        (55, 60, 50, "up", "red"),
        (None, 60, 61, "up", "green"),
        (None, 60, 50, "up", "yellow"),  # no baseline: cannot say it got worse
        (55, None, 57, "up", "yellow"),
        (55, 60, None, "up", None),
        (None, None, 50, "up", None),
        (Decimal("20.5"), Decimal("15.0"), Decimal("15.0"), "", "green"),
    ],
)
def test_traffic_light(baseline, target, latest, up, expected):
    assert (
        traffic_light(baseline=baseline, target=target, latest=latest, higher_is_better=bool(up))
        == expected
    )


def test_share_of_target():
    assert share_of_target(7, 15) == 47
    assert share_of_target(20, 15) == 100
    assert share_of_target(0, 15) == 0
    assert share_of_target(3, None) is None
    assert share_of_target(3, 0) is None


def test_public_count_keeps_zero_missing_and_suppressed_apart(settings):
    settings.PRIVACY_MIN_CELL = 5
    assert public_count(0, counts_people=True).state is FigureState.SHOWN
    assert public_count(1, counts_people=True).state is FigureState.SUPPRESSED
    assert public_count(4, counts_people=True).state is FigureState.SUPPRESSED
    assert public_count(5, counts_people=True).value == 5
    assert public_count(None, counts_people=True).state is FigureState.MISSING
    assert public_count(3, counts_people=False).value == 3
    settings.PRIVACY_MIN_CELL = 10
    assert public_count(7, counts_people=True).state is FigureState.SUPPRESSED
