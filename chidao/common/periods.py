"""Calendar periods, in one place: a day, a week, a month, a quarter, a year, or a custom
run of days; the one that contains a date, the ones before and after, the ones between
two dates, and how a document names them.

Reports choose their period in the query string: ``2026-11`` (month), ``2026-Q4``
(quarter), ``2026`` (year) or ``2026-11-01..2026-11-15`` (custom, both days included);
anything else, or nothing, means the month that contains today. Recurring tasks get one
instance per period of their recurrence; indicators are set for a month, a quarter or
a year, and entered month by month.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

DAY, WEEK, MONTH, QUARTER, YEAR, CUSTOM = "day", "week", "month", "quarter", "year", "custom"
ROMAN = ("I", "II", "III", "IV")  # quarters are numbered in Roman numerals: quý II/2026

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")
MAX_CUSTOM_DAYS = 3660  # ten years: a custom range longer than that is a typing error


@dataclass(frozen=True)
class Period:
    """A run of days, ``start`` to ``end`` included, of a kind (month, quarter …)."""

    kind: str
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def key(self) -> str:
        """The query-string form, which :func:`parse` reads back (a day or a week as the
        custom range it is)."""
        if self.kind == MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == QUARTER:
            return f"{self.start.year}-Q{quarter_of(self.start)}"
        if self.kind == YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """How a sentence names it: tháng 11/2026, quý IV/2026, năm 2026, từ … đến …."""
        if self.kind == MONTH:
            return f"tháng {self.start.month}/{self.start.year}"
        if self.kind == QUARTER:
            return f"quý {ROMAN[quarter_of(self.start) - 1]}/{self.start.year}"
        if self.kind == YEAR:
            return f"năm {self.start.year}"
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    @property
    def title(self) -> str:
        """How a heading or a table cell names it: Tháng 3/2026, Quý II/2026, Năm 2026,
        else 01/03/2026 – 15/04/2026."""
        if self.kind in (MONTH, QUARTER, YEAR):
            return self.label[:1].upper() + self.label[1:]
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    def as_of(self, today: date) -> date:
        """The day the counts are taken on: the period's end, or today if that is earlier."""
        return min(self.end, today)

    def previous(self) -> Period:
        """The period of the same length just before (the previous month, quarter …)."""
        if self.kind == CUSTOM:
            return Period(CUSTOM, self.start - timedelta(days=self.days), self.start - timedelta(1))
        return of_kind(self.kind, self.start - timedelta(days=1))

    def next(self) -> Period:
        if self.kind == CUSTOM:
            return Period(CUSTOM, self.end + timedelta(1), self.end + timedelta(days=self.days))
        return of_kind(self.kind, self.end + timedelta(days=1))


def quarter_of(day: date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def of_kind(kind: str, day: date) -> Period:
    """The day, week (Monday to Sunday), month, quarter or year containing ``day``."""
    if kind == DAY:
        return Period(DAY, day, day)
    if kind == WEEK:
        monday = day - timedelta(days=day.weekday())
        return Period(WEEK, monday, monday + timedelta(days=6))
    if kind == MONTH:
        return Period(MONTH, day.replace(day=1), _last_day(day.year, day.month))
    if kind == QUARTER:
        first = 3 * quarter_of(day) - 2
        return Period(QUARTER, date(day.year, first, 1), _last_day(day.year, first + 2))
    if kind == YEAR:
        return Period(YEAR, date(day.year, 1, 1), date(day.year, 12, 31))
    raise ValueError(f"unknown period kind {kind!r}")


def numbered(kind: str, year: int, number: int | None = None) -> Period:
    """Month or quarter ``number`` of ``year``, or the year itself."""
    if kind == MONTH:
        if number is None or not 1 <= number <= 12:
            raise ValueError("month number must be 1..12")
        return of_kind(MONTH, date(year, number, 1))
    if kind == QUARTER:
        if number is None or not 1 <= number <= 4:
            raise ValueError("quarter number must be 1..4")
        return of_kind(QUARTER, date(year, 3 * number, 1))
    return of_kind(YEAR, date(year, 1, 1))


def spanning(start: date, end: date) -> Period:
    """The month, quarter or year that is exactly ``start`` to ``end``, else that custom run."""
    for kind in (MONTH, QUARTER, YEAR):
        period = of_kind(kind, start)
        if period.end == end and period.start == start:
            return period
    return Period(CUSTOM, start, end)


def period_label(start: date, end: date) -> str:
    """The title of the period from ``start`` to ``end`` ("Quý II/2026")."""
    return spanning(start, end).title


def periods_until(kind: str, first: date, today: date) -> Iterator[Period]:
    """Every period of ``kind`` from the one containing ``first`` to the one containing
    ``today`` (just today's when ``first`` is later)."""
    period = of_kind(kind, min(first, today))
    while period.start <= today:
        yield period
        period = period.next()


def months_within(start: date, end: date, until: date) -> list[Period]:
    """The calendar months that overlap ``[start, end]`` and have begun by ``until``."""
    months: list[Period] = []
    month = of_kind(MONTH, start)
    while month.start <= min(end, until):
        months.append(month)
        month = month.next()
    return months


def parse(value: str | None, today: date) -> Period:
    """The period a query string names; the current month when it names none."""
    text = (value or "").strip()
    try:
        return _parse(text) or of_kind(MONTH, today)
    except ValueError:
        return of_kind(MONTH, today)


def _parse(text: str) -> Period | None:
    if m := _MONTH.match(text):
        return of_kind(MONTH, date(int(m[1]), int(m[2]), 1))
    if m := _QUARTER.match(text):
        return numbered(QUARTER, int(m[1]), int(m[2]))
    if m := _YEAR.match(text):
        return of_kind(YEAR, date(int(m[1]), 1, 1))
    if m := _RANGE.match(text):
        start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        if start > end or (end - start).days > MAX_CUSTOM_DAYS:
            return None
        return Period(CUSTOM, start, end)
    return None


def recent_months(today: date, count: int = 24) -> list[Period]:
    """The month switcher's choices: this month and the ``count - 1`` before it."""
    months = [of_kind(MONTH, today)]
    while len(months) < count:
        months.append(months[-1].previous())
    return months
