"""Periods of indicators: bounds of a month, quarter or year, their labels, and the
reporting months inside an indicator's period."""

from __future__ import annotations

import calendar
from datetime import date

from chidao.indicators.models import PeriodKind

ROMAN = ("I", "II", "III", "IV")


def period_bounds(kind: str, year: int, number: int | None = None) -> tuple[date, date]:
    """(first day, last day) of month/quarter ``number`` of ``year``, or of the year."""
    if kind == PeriodKind.MONTH:
        if number is None or not 1 <= number <= 12:
            raise ValueError("month number must be 1..12")
        return date(year, number, 1), date(year, number, calendar.monthrange(year, number)[1])
    if kind == PeriodKind.QUARTER:
        if number is None or not 1 <= number <= 4:
            raise ValueError("quarter number must be 1..4")
        last_month = 3 * number
        end = date(year, last_month, calendar.monthrange(year, last_month)[1])
        return date(year, last_month - 2, 1), end
    return date(year, 1, 1), date(year, 12, 31)


def period_label(start: date, end: date) -> str:
    """ "Tháng 3/2026", "Quý II/2026", "Năm 2026", else "01/03/2026 – 15/04/2026"."""
    whole_months = start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]
    if whole_months and start.year == end.year:
        months = end.month - start.month + 1
        if months == 1:
            return f"Tháng {start.month}/{start.year}"
        if months == 3 and start.month % 3 == 1:
            return f"Quý {ROMAN[start.month // 3]}/{start.year}"
        if months == 12:
            return f"Năm {start.year}"
    return f"{start:%d/%m/%Y} – {end:%d/%m/%Y}"


def months_within(start: date, end: date, until: date) -> list[tuple[date, date]]:
    """The calendar months that overlap ``[start, end]`` and have begun by ``until``."""
    out = []
    year, month = start.year, start.month
    while date(year, month, 1) <= min(end, until):
        out.append(period_bounds(PeriodKind.MONTH, year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
