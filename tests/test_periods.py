"""Calendar periods (chidao/common/periods.py): the one a day falls in, a numbered one, the
one two dates span, and how each is named."""

from __future__ import annotations

from datetime import date

import pytest

from chidao.common.periods import (
    CUSTOM,
    DAY,
    MONTH,
    QUARTER,
    WEEK,
    YEAR,
    months_within,
    numbered,
    of_kind,
    period_label,
    periods_until,
    spanning,
)

WEDNESDAY = date(2026, 2, 11)


def test_a_week_runs_monday_to_sunday_and_a_day_is_itself() -> None:
    week = of_kind(WEEK, WEDNESDAY)
    assert (week.start, week.end, week.days) == (date(2026, 2, 9), date(2026, 2, 15), 7)
    assert of_kind(DAY, WEDNESDAY).next() == of_kind(DAY, date(2026, 2, 12))


def test_a_numbered_month_quarter_or_year_has_its_calendar_bounds() -> None:
    assert numbered(MONTH, 2028, 2).end == date(2028, 2, 29)
    q2 = numbered(QUARTER, 2026, 2)
    assert (q2.start, q2.end) == (date(2026, 4, 1), date(2026, 6, 30))
    assert numbered(YEAR, 2026) == of_kind(YEAR, WEDNESDAY)
    for kind, number in ((MONTH, 13), (QUARTER, 5), (MONTH, None)):
        with pytest.raises(ValueError):
            numbered(kind, 2026, number)


def test_two_dates_are_named_as_the_month_quarter_or_year_they_span_else_as_a_range() -> None:
    assert period_label(date(2026, 3, 1), date(2026, 3, 31)) == "Tháng 3/2026"
    assert period_label(date(2026, 4, 1), date(2026, 6, 30)) == "Quý II/2026"
    assert period_label(date(2026, 1, 1), date(2026, 12, 31)) == "Năm 2026"
    assert period_label(date(2026, 2, 1), date(2026, 4, 30)) == "01/02/2026 – 30/04/2026"
    assert spanning(date(2026, 3, 2), date(2026, 3, 31)).kind == CUSTOM


def test_a_sentence_names_a_period_in_lower_case() -> None:
    assert of_kind(QUARTER, date(2025, 11, 3)).label == "quý IV/2025"
    assert of_kind(QUARTER, date(2025, 11, 3)).title == "Quý IV/2025"


def test_the_months_of_a_period_that_have_begun() -> None:
    months = months_within(date(2026, 1, 1), date(2026, 12, 31), until=date(2026, 3, 5))
    assert [m.title for m in months] == ["Tháng 1/2026", "Tháng 2/2026", "Tháng 3/2026"]
    assert months_within(date(2027, 1, 1), date(2027, 12, 31), until=date(2026, 3, 5)) == []


def test_periods_until_today_start_at_todays_when_the_first_day_is_later() -> None:
    assert list(periods_until(MONTH, date(2026, 5, 1), date(2026, 3, 5))) == [
        of_kind(MONTH, date(2026, 3, 5))
    ]


def test_a_reporting_window_from_the_15th_is_named_after_the_month_it_ends_in() -> None:
    november = of_kind(MONTH, date(2026, 11, 14), start_day=15)
    assert (november.start, november.end, november.key) == (
        date(2026, 10, 15),
        date(2026, 11, 14),
        "2026-11",
    )
    assert november.label == "tháng 11/2026" and november.calendar == of_kind(
        MONTH, date(2026, 11, 1)
    )
    # the 15th opens the next month's window; January's starts in December
    assert of_kind(MONTH, date(2026, 11, 15), 15).key == "2026-12"
    january = numbered(MONTH, 2027, 1, start_day=15)
    assert (january.start, january.end) == (date(2026, 12, 15), date(2027, 1, 14))
    assert november.previous().key == "2026-10" and november.next() == of_kind(
        MONTH, date(2026, 11, 20), 15
    )


def test_quarter_and_year_windows_run_from_the_15th_of_the_month_before() -> None:
    q4 = numbered(QUARTER, 2026, 4, start_day=15)
    assert (q4.start, q4.end, q4.label) == (date(2026, 9, 15), date(2026, 12, 14), "quý IV/2026")
    year = of_kind(YEAR, date(2026, 12, 14), 15)
    assert (year.start, year.end, year.key) == (date(2025, 12, 15), date(2026, 12, 14), "2026")
    assert of_kind(YEAR, date(2026, 12, 15), 15).label == "năm 2027"


def test_a_window_from_another_day_and_the_calendar_one() -> None:
    feb = numbered(MONTH, 2028, 2, start_day=28)
    assert (feb.start, feb.end) == (date(2028, 1, 28), date(2028, 2, 27))
    assert numbered(MONTH, 2026, 11, start_day=1) == numbered(MONTH, 2026, 11)
    for bad in (0, 29, 31):
        with pytest.raises(ValueError):
            of_kind(MONTH, WEDNESDAY, bad)
