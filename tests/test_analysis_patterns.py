"""Time patterns (situation.analysis.patterns): month × weekday × hour, hour unknown apart."""

from datetime import UTC, date, datetime

import numpy as np
import pytest

from situation.analysis import time_pattern


def test_moments_are_counted_by_month_weekday_and_hour():
    pattern = time_pattern(
        [
            datetime(2024, 3, 1, 22, 15),  # a Friday in March, 22 h
            datetime(2024, 3, 8, 22, 59),  # the Friday after, same hour
            datetime(2024, 3, 2, 0, 5),  # Saturday, just after midnight
            datetime(2025, 12, 29, 7, 0),  # a Monday in December
            date(2024, 3, 1),  # Friday, no time: hour unknown
            None,  # no date at all
        ]
    )
    assert pattern.counts.shape == (12, 7, 24)
    assert pattern.counts[2, 4, 22] == 2
    assert pattern.counts[2, 5, 0] == 1
    assert pattern.counts[11, 0, 7] == 1
    assert pattern.counts.sum() == 4
    # The date without a time is not put at midnight.
    assert pattern.hour_unknown[2, 4] == 1 and pattern.hour_unknown.sum() == 1
    assert pattern.undated == 1
    assert pattern.total == 5
    assert pattern.by_month()[2] == 4 and pattern.by_month()[11] == 1
    assert pattern.by_weekday()[4] == 3
    assert pattern.by_hour()[22] == 2 and pattern.by_hour().sum() == 4
    assert pattern.weekday_by_hour()[4, 22] == 2


def test_aware_times_are_counted_in_swedish_time():
    # 23:30 UTC on Sunday 30 June is 01:30 on Monday 1 July in summer time.
    pattern = time_pattern([datetime(2024, 6, 30, 23, 30, tzinfo=UTC)])
    assert pattern.counts[6, 0, 1] == 1
    # In winter 23:30 UTC is 00:30 the next day.
    pattern = time_pattern([datetime(2024, 1, 7, 23, 30, tzinfo=UTC)])
    assert pattern.counts[0, 0, 0] == 1


def test_the_margins_add_up():
    rng = np.random.default_rng(3)
    moments = [
        datetime(2024, int(m), int(d), int(h))
        for m, d, h in zip(
            rng.integers(1, 13, 500),
            rng.integers(1, 29, 500),
            rng.integers(0, 24, 500),
            strict=True,
        )
    ] + [date(2024, 5, int(d)) for d in rng.integers(1, 29, 40)]
    pattern = time_pattern(moments)
    assert pattern.by_month().sum() == pattern.by_weekday().sum() == pattern.total == 540
    assert pattern.by_hour().sum() == 500
    # Checked one by one against the moments themselves.
    fridays_at_nine = sum(
        1 for m in moments if isinstance(m, datetime) and m.weekday() == 4 and m.hour == 9
    )
    assert pattern.weekday_by_hour()[4, 9] == fridays_at_nine


def test_an_empty_pattern():
    pattern = time_pattern([])
    assert pattern.total == 0 and pattern.undated == 0
    assert pattern.counts.shape == (12, 7, 24) and pattern.hour_unknown.shape == (12, 7)


def test_other_things_are_refused():
    with pytest.raises(TypeError):
        time_pattern(["2024-03-01"])
