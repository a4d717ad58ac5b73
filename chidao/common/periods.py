"""Calendar periods, in one place: a day, a week, a month, a quarter, a year, or a custom
run of days; the one that contains a date, the ones before and after, the ones between
two dates, and how a document names them.

Reports choose their period in the query string: ``2026-11`` (month), ``2026-Q4``
(quarter), ``2026`` (year) or ``2026-11-01..2026-11-15`` (custom, both days included);
anything else, or nothing, means the month that contains today. Recurring tasks get one
instance per period of their recurrence; indicators are set for a month, a quarter or
a year, and entered month by month.

Reporting windows. A report period may run from a day other than the 1st: with
``start_day=15`` (the cut-off of the national reporting regime, Nghị định 09/2019/NĐ-CP, as
provincial regulations write it) "tháng 11/2026" is 15/10/2026 – 14/11/2026, "quý IV/2026"
15/09/2026 – 14/12/2026 and "năm 2026" 15/12/2025 – 14/12/2026: each window ends on the
day before ``start_day`` of the calendar period it is named after. ``start_day=1`` (the
default everywhere) is the calendar period itself.
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
MAX_START_DAY = 28  # a window's first day must exist in every month


@dataclass(frozen=True)
class Period:
    """A run of days, ``start`` to ``end`` included, of a kind (month, quarter …); a month,
    quarter or year is named after the calendar period its ``end`` falls in (see the
    module's "reporting windows")."""

    kind: str
    start: date
    end: date
    start_day: int = 1

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def key(self) -> str:
        """The query-string form, which :func:`parse` reads back (a day or a week as the
        custom range it is)."""
        if self.kind == MONTH:
            return f"{self.end:%Y-%m}"
        if self.kind == QUARTER:
            return f"{self.end.year}-Q{quarter_of(self.end)}"
        if self.kind == YEAR:
            return str(self.end.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """How a sentence names it: tháng 11/2026, quý IV/2026, năm 2026, từ … đến …."""
        if self.kind == MONTH:
            return f"tháng {self.end.month}/{self.end.year}"
        if self.kind == QUARTER:
            return f"quý {ROMAN[quarter_of(self.end) - 1]}/{self.end.year}"
        if self.kind == YEAR:
            return f"năm {self.end.year}"
        return self.span

    @property
    def title(self) -> str:
        """How a heading or a table cell names it: Tháng 3/2026, Quý II/2026, Năm 2026,
        else 01/03/2026 – 15/04/2026."""
        if self.kind in (MONTH, QUARTER, YEAR):
            return self.label[:1].upper() + self.label[1:]
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"

    @property
    def span(self) -> str:
        """Its days in words: từ ngày 15/10/2026 đến ngày 14/11/2026."""
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    @property
    def calendar(self) -> Period:
        """The calendar month, quarter or year a reporting window is named after (itself
        when it is one)."""
        if self.start_day == 1 or self.kind not in (MONTH, QUARTER, YEAR):
            return self
        return of_kind(self.kind, self.end)

    def as_of(self, today: date) -> date:
        """The day the counts are taken on: the period's end, or today if that is earlier."""
        return min(self.end, today)

    def previous(self) -> Period:
        """The period of the same length just before (the previous month, quarter …)."""
        if self.kind == CUSTOM:
            return Period(CUSTOM, self.start - timedelta(days=self.days), self.start - timedelta(1))
        return of_kind(self.kind, self.start - timedelta(days=1), self.start_day)

    def next(self) -> Period:
        if self.kind == CUSTOM:
            return Period(CUSTOM, self.end + timedelta(1), self.end + timedelta(days=self.days))
        return of_kind(self.kind, self.end + timedelta(days=1), self.start_day)


def quarter_of(day: date) -> int:
    """1 to 4."""
    return (day.month - 1) // 3 + 1


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def of_kind(kind: str, day: date, start_day: int = 1) -> Period:
    """The day, week (Monday to Sunday), month, quarter or year containing ``day``; a month,
    quarter or year from ``start_day`` on (a reporting window) when that is not 1."""
    if not 1 <= start_day <= MAX_START_DAY:
        raise ValueError(f"a period starts on day 1..{MAX_START_DAY}, not {start_day}")
    if start_day > 1 and kind in (MONTH, QUARTER, YEAR):
        return _window(kind, day, start_day)
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


def _window(kind: str, day: date, start_day: int) -> Period:
    """The reporting window of ``kind`` containing ``day``: from ``start_day`` of the month
    before the calendar period it is named after, to the day before ``start_day`` of that
    period's last month."""
    named_by = day if day.day < start_day else _last_day(day.year, day.month) + timedelta(1)
    calendar_period = of_kind(kind, named_by)
    start = (calendar_period.start - timedelta(days=1)).replace(day=start_day)
    return Period(kind, start, calendar_period.end.replace(day=start_day - 1), start_day)


def numbered(kind: str, year: int, number: int | None = None, start_day: int = 1) -> Period:
    """Month or quarter ``number`` of ``year``, or the year itself (the reporting window
    named so when ``start_day`` is not 1)."""
    if kind == MONTH:
        if number is None or not 1 <= number <= 12:
            raise ValueError("month number must be 1..12")
        return of_kind(MONTH, date(year, number, 1), start_day)
    if kind == QUARTER:
        if number is None or not 1 <= number <= 4:
            raise ValueError("quarter number must be 1..4")
        return of_kind(QUARTER, date(year, 3 * number, 1), start_day)
    return of_kind(YEAR, date(year, 1, 1), start_day)


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


def parse(value: str | None, today: date, start_day: int = 1) -> Period:
    """The period a query string names; the current month when it names none. A month,
    quarter or year is the reporting window so named when ``start_day`` is not 1."""
    text = (value or "").strip()
    try:
        return _parse(text, start_day) or of_kind(MONTH, today, start_day)
    except ValueError:
        return of_kind(MONTH, today, start_day)


def _parse(text: str, start_day: int) -> Period | None:
    if m := _MONTH.match(text):
        return numbered(MONTH, int(m[1]), int(m[2]), start_day)
    if m := _QUARTER.match(text):
        return numbered(QUARTER, int(m[1]), int(m[2]), start_day)
    if m := _YEAR.match(text):
        return numbered(YEAR, int(m[1]), None, start_day)
    if m := _RANGE.match(text):
        start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
        if start > end or (end - start).days > MAX_CUSTOM_DAYS:
            return None
        return Period(CUSTOM, start, end)
    return None


def recent_months(today: date, count: int = 24, start_day: int = 1) -> list[Period]:
    """The month switcher's choices: this month and the ``count - 1`` before it."""
    months = [of_kind(MONTH, today, start_day)]
    while len(months) < count:
        months.append(months[-1].previous())
    return months
