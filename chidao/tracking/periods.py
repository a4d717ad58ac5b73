"""Calendar periods of recurring tasks (báo cáo hằng tháng …)."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta


def period_of(recurrence: str, day: date) -> tuple[date, date]:
    """The period of ``recurrence`` that contains ``day``, as (first day, last day)."""
    if recurrence == "daily":
        return day, day
    if recurrence == "weekly":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=6)
    if recurrence == "monthly":
        last = calendar.monthrange(day.year, day.month)[1]
        return day.replace(day=1), day.replace(day=last)
    if recurrence == "quarterly":
        first_month = 3 * ((day.month - 1) // 3) + 1
        last_month = first_month + 2
        last = calendar.monthrange(day.year, last_month)[1]
        return date(day.year, first_month, 1), date(day.year, last_month, last)
    if recurrence == "yearly":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"unknown recurrence {recurrence!r}")


def periods_until(recurrence: str, first: date, today: date) -> Iterator[tuple[date, date]]:
    """Every period from the one containing ``first`` to the one containing ``today``."""
    if first > today:
        first = today
    start, end = period_of(recurrence, first)
    while start <= today:
        yield start, end
        start, end = period_of(recurrence, end + timedelta(days=1))
