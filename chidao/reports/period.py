"""Report periods: a month (the default), a quarter, a year, or a custom range.

A period is written in the query string as ``2026-11`` (month), ``2026-Q4`` (quarter),
``2026`` (year) or ``2026-11-01..2026-11-15`` (custom, both days included). Anything else,
or nothing, means the month that contains today.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTH, QUARTER, YEAR, CUSTOM = "month", "quarter", "year", "custom"

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
        """The query-string form, which :func:`parse` reads back."""
        if self.kind == MONTH:
            return f"{self.start:%Y-%m}"
        if self.kind == QUARTER:
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == YEAR:
            return str(self.start.year)
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def label(self) -> str:
        """How a document names it: tháng 11/2026, quý IV/2026, năm 2026, từ … đến …."""
        if self.kind == MONTH:
            return f"tháng {self.start.month}/{self.start.year}"
        if self.kind == QUARTER:
            roman = ("I", "II", "III", "IV")[(self.start.month - 1) // 3]
            return f"quý {roman}/{self.start.year}"
        if self.kind == YEAR:
            return f"năm {self.start.year}"
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

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


def of_kind(kind: str, day: date) -> Period:
    """The month, quarter or year containing ``day``."""
    if kind == MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        return Period(MONTH, day.replace(day=1), day.replace(day=last))
    if kind == QUARTER:
        first = 3 * ((day.month - 1) // 3) + 1
        last = calendar.monthrange(day.year, first + 2)[1]
        return Period(QUARTER, date(day.year, first, 1), date(day.year, first + 2, last))
    if kind == YEAR:
        return Period(YEAR, date(day.year, 1, 1), date(day.year, 12, 31))
    raise ValueError(f"unknown period kind {kind!r}")


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
        return of_kind(QUARTER, date(int(m[1]), 3 * int(m[2]) - 2, 1))
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
