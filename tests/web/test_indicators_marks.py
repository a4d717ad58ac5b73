"""The mark of an indicator (đạt / có nguy cơ / không đạt) at its boundaries."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chidao.indicators.marks import (
    AT_RISK,
    NO_DATA,
    OFF_TRACK,
    ON_TRACK,
    elapsed_share,
    mark,
)

D = Decimal
HALF = D("0.5")


@pytest.mark.parametrize(
    ("actual", "expected"),
    [
        ("50", ON_TRACK),  # exactly the pro-rata expectation (100 × 0.5)
        ("45", AT_RISK),  # exactly 90 % of it
        ("44.99", OFF_TRACK),  # just below 90 %
        ("100", ON_TRACK),  # the whole target already met
    ],
)
def test_at_least_cumulative_is_compared_pro_rata(actual: str, expected: str) -> None:
    assert mark(D(100), "at_least", D(actual), HALF) == expected


@pytest.mark.parametrize(
    ("actual", "expected"), [("95", ON_TRACK), ("85.5", AT_RISK), ("85.49", OFF_TRACK)]
)
def test_at_least_level_is_compared_with_the_whole_target(actual: str, expected: str) -> None:
    assert mark(D(95), "at_least", D(actual), HALF, cumulative=False) == expected


@pytest.mark.parametrize(
    ("actual", "expected"), [("1", ON_TRACK), ("1.1", AT_RISK), ("1.11", OFF_TRACK)]
)
def test_at_most_level_tolerates_ten_percent_while_running(actual: str, expected: str) -> None:
    assert mark(D(1), "at_most", D(actual), HALF, cumulative=False) == expected


@pytest.mark.parametrize(
    ("actual", "expected"),
    [("500", ON_TRACK), ("500.01", AT_RISK), ("1000", AT_RISK), ("1000.01", OFF_TRACK)],
)
def test_at_most_cumulative_is_at_risk_ahead_of_pace_and_off_over_the_cap(
    actual: str, expected: str
) -> None:
    assert mark(D(1000), "at_most", D(actual), HALF) == expected


@pytest.mark.parametrize(
    ("direction", "actual", "expected"),
    [
        ("at_least", "100", ON_TRACK),
        ("at_least", "99.99", OFF_TRACK),  # at risk no longer exists once the period ended
        ("at_most", "1", ON_TRACK),
        ("at_most", "1.01", OFF_TRACK),
    ],
)
def test_after_the_period_only_met_or_not_met(direction: str, actual: str, expected: str) -> None:
    target = D(100) if direction == "at_least" else D(1)
    assert mark(target, direction, D(actual), D(1)) == expected
    assert mark(target, direction, D(actual), D(1), cumulative=False) == expected


def test_no_actual_is_no_data() -> None:
    assert mark(D(100), "at_least", None, HALF) == NO_DATA


def test_elapsed_share_counts_both_ends_and_is_clamped() -> None:
    start, end = date(2026, 1, 1), date(2026, 12, 31)
    assert elapsed_share(start, end, date(2025, 12, 31)) == 0
    assert elapsed_share(start, end, date(2026, 1, 1)) == D(1) / D(365)
    assert elapsed_share(start, end, date(2026, 6, 30)) == D(181) / D(365)
    assert elapsed_share(start, end, end) == 1
    assert elapsed_share(start, end, date(2027, 3, 1)) == 1
