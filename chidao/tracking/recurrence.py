"""When the instances of a recurring task fall due, and which periods get one.

A recurring task (a series) has one instance per calendar period of its recurrence. Each
instance is due on the series' *due day* inside its period, as the text says it:

- monthly, "trước ngày 20 hằng tháng": ``day`` 20 of each month (the month's last day
  when it is shorter);
- yearly, "trước ngày 15/12 hằng năm", "trước 25/01 hằng năm": ``day`` and ``month``;
- quarterly, "chậm nhất ngày 15 hằng quý": ``day`` of the quarter's last month (the month
  a quarterly report falls due in under Nghị định 09/2019), or of its first, second or
  third month when the text gives a month ("ngày 15/3 hằng quý": the third);
- weekly, "thứ Sáu hằng tuần": ``day`` is the ISO weekday (1 = thứ Hai … 7 = Chủ nhật);
- daily, or a text that names no day: the period's last day.

A deadline the reviewer set on a recurring task is kept: the instance of the period
holding it is due on that very day, and where the text names no due day, the others fall
on the same day of their own period.

Instances start from a day (the registration day, a start the reviewer chose, or the
directive's date for a historical registration): the first is the first period due on or
after it, so none is overdue when it is made; then one per period up to today's.
Pure functions: the caller passes the dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from chidao.common.periods import DAY, MONTH, QUARTER, WEEK, YEAR, Period, of_kind
from chidao.extract.dates import find_times

DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY = "daily", "weekly", "monthly", "quarterly", "yearly"

# the calendar period of each recurrence
PERIOD_OF: dict[str, str] = {
    DAILY: DAY,
    WEEKLY: WEEK,
    MONTHLY: MONTH,
    QUARTERLY: QUARTER,
    YEARLY: YEAR,
}

_WEEKDAYS = {"hai": 1, "ba": 2, "tư": 3, "năm": 4, "sáu": 5, "bảy": 6}
_WEEKDAY_RX = re.compile(r"thứ\s+(hai|ba|tư|năm|sáu|bảy|[2-7])(?!\w)|(chủ\s+nhật)", re.I)
_DAY_RX = re.compile(r"ngày\s+(\d{1,2})(?:\s?/\s?(\d{1,2}))?(?!\d)", re.I)
_ADJACENT_RX = re.compile(r"^[\s,]*$")
_ANY_LEAP_YEAR = date(2000, 1, 1)  # a year for "25/01" and "29/02" written without one


@dataclass(frozen=True)
class DueDay:
    """Where in its period an instance falls due (see the module's docstring)."""

    day: int | None = None
    month: int | None = None


NO_DAY = DueDay()


def due_on(recurrence: str, period: Period, due: DueDay) -> date:
    """The day the instance of ``period`` falls due."""
    if due.day is None or recurrence == DAILY:
        return period.end
    if recurrence == WEEKLY:
        return period.start + timedelta(days=min(max(due.day, 1), 7) - 1)
    if recurrence == MONTHLY:
        return _clamped(period.start.year, period.start.month, due.day)
    if recurrence == QUARTERLY:
        month = period.start.month + (due.month or 3) - 1
        return _clamped(period.start.year, month, due.day)
    return _clamped(period.start.year, due.month or 12, due.day)


def _clamped(year: int, month: int, day: int) -> date:
    return date(year, month, min(max(day, 1), calendar.monthrange(year, month)[1]))


def due_from_deadline(recurrence: str, deadline: date) -> DueDay:
    """The due day a reviewer's deadline stands for, in its own period."""
    if recurrence == WEEKLY:
        return DueDay(deadline.isoweekday())
    if recurrence == QUARTERLY:
        return DueDay(deadline.day, (deadline.month - 1) % 3 + 1)
    if recurrence == YEARLY:
        return DueDay(deadline.day, deadline.month)
    if recurrence == MONTHLY:
        return DueDay(deadline.day)
    return NO_DAY


def due_from_text(recurrence: str, text: str) -> DueDay:
    """The due day the task's text names for ``recurrence``, read from the extraction's
    time mentions: a recurrence with its day ("trước ngày 20 hằng tháng", rule
    ``recurrence:*-day``), or a date just before the recurrence word ("trước 25/01 hằng
    năm"). :data:`NO_DAY` when it names none."""
    times = find_times(text, doc_date=_ANY_LEAP_YEAR)  # only day and month are read
    for n, mention in enumerate(times):
        if mention.kind != "recurrence" or mention.recurrence != recurrence:
            continue
        if mention.rule.endswith("-day"):
            return _read_day(recurrence, text[mention.start : mention.end])
        before = times[n - 1] if n else None
        if (
            before is not None
            and before.kind == "deadline"
            and before.rule.endswith("-date")
            and before.value is not None
            and _ADJACENT_RX.match(text[before.end : mention.start])
        ):
            return due_from_deadline(recurrence, before.value)
    return NO_DAY


def _read_day(recurrence: str, surface: str) -> DueDay:
    if recurrence == WEEKLY:
        found = _WEEKDAY_RX.search(surface)
        if found is None:
            return NO_DAY
        if found.group(2):
            return DueDay(7)
        word = found.group(1).lower()
        return DueDay(_WEEKDAYS[word] if word in _WEEKDAYS else int(word) - 1)
    found_day = _DAY_RX.search(surface)
    if found_day is None:
        return NO_DAY
    day, month = int(found_day.group(1)), found_day.group(2)
    if month is None:
        return DueDay(day)
    if recurrence == QUARTERLY:
        return DueDay(day, (int(month) - 1) % 3 + 1)
    return DueDay(day, int(month) if recurrence == YEARLY else None)


def instance_periods(
    recurrence: str,
    due: DueDay,
    *,
    start: date,
    today: date,
    kept: date | None = None,
    until: date | None = None,
) -> Iterator[tuple[Period, date]]:
    """(period, deadline) of every instance from ``start`` to ``today``'s period.

    The first is the first period due on or after ``start`` (made even when its period
    has not begun, so a registered series always has one); then every period that has
    begun by ``today``, and by ``until`` for a series that has ended (none begun after it).
    ``kept``, a reviewer's deadline, is the deadline of its period.
    """
    period = of_kind(PERIOD_OF[recurrence], start)
    last = today if until is None else min(today, until)
    first = until is None  # an ended series makes nothing past its end, not even a first
    while first or period.start <= last:
        deadline = kept if kept is not None and period.start <= kept <= period.end else None
        deadline = deadline or due_on(recurrence, period, due)
        if deadline >= start:
            yield period, deadline
            first = False
        period = period.next()
