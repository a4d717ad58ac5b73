"""Calendar arithmetic: the last day of a month, dates that may not exist, adding months,
working days (Saturdays, Sundays and Vietnam's public holidays, lunar Tết included, from
the ``holidays`` package), and the end of a week or month.
"""

from __future__ import annotations

import calendar
import functools
from datetime import date, timedelta

import holidays

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def last_day(year: int, month: int) -> date:
    """The last day of ``month`` (1-12) of ``year``; raises ValueError for a bad month."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    leap = month == 2 and calendar.isleap(year)
    return date(year, month, _DAYS_IN_MONTH[month] + leap)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _valid_day_month(day: int, month: int) -> bool:
    """Whether day/month exists in some year (29/2 does, 31/4 does not)."""
    return _safe_date(2000, month, day) is not None


def _add_months(start: date, months: int) -> date:
    total = start.month - 1 + months
    year, month = start.year + total // 12, total % 12 + 1
    return date(year, month, min(start.day, last_day(year, month).day))


def _add_working_days(start: date, days: int) -> date:
    """The ``days``-th working day after ``start``: Saturdays, Sundays and Vietnam's public
    holidays (lunar Tết included, as the ``holidays`` package lists them) do not count."""
    current = start
    for _ in range(min(days, _MAX_WORKING_DAYS)):
        current += timedelta(days=1)
        while current.weekday() >= 5 or current in _holidays(current.year):
            current += timedelta(days=1)
    return current


_MAX_WORKING_DAYS = 1000  # "trong 07 ngày làm việc": a bound against absurd numbers


@functools.lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    """Vietnam's public holidays of ``year`` (and the days off given in their place)."""
    return frozenset(holidays.country_holidays("VN", years=year))


def _week_end(day: date) -> date:
    """The Sunday that ends ``day``'s week (weeks run Monday to Sunday)."""
    return day + timedelta(days=6 - day.weekday())


def _calendar_end(ref: date, unit: str, nxt: bool) -> date:
    """The last day of ``ref``'s week or month, or of the next one."""
    if unit == "week":
        return _week_end(ref) + timedelta(weeks=nxt)
    month_start = _add_months(date(ref.year, ref.month, 1), int(nxt))
    return last_day(month_start.year, month_start.month)
