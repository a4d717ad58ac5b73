"""Vietnamese time expressions: dates, deadlines, periods, spans, recurrences, relative spans.

``find_times(text, doc_date=..., today=...)`` returns every time expression of ``text`` as a
:class:`~chidao.extract.model.TimeMention`, sorted by ``start``, never overlapping. It is
pure: the document's date and "today" are parameters, the clock is never read.

Kinds and the ``rule`` that names the form found:

``deadline`` (a deadline marker, or a point that is a deadline by itself); ``value`` is the
last day the task may use:

- ``deadline:{before,by,until,within}-date``: "trước ngày 30/9", "chậm nhất ngày 15/10/2021",
  "hạn chót 20/11", "đến ngày 30/9", "trong ngày 30/9"; value = the date itself.
- ``deadline:{by,until,within}-{month,quarter,year,first-n-months,last-n-months}``:
  "trong tháng 8/2021", "hoàn thành trong Quý III/2021", "chậm nhất tháng 9",
  "đến hết năm 2021", "trong 6 tháng đầu năm 2021"; value = last day of the period.
- ``deadline:before-{month,quarter,year}``: "trước Quý IV/2021", "trước tháng 8/2021";
  value = the day BEFORE the period starts (2021-09-30, 2021-07-31).
- ``deadline:whole-year`` (also ``-month``, ``-quarter``): "cả năm 2021" (2021-12-31).
- ``deadline:end-of-month`` / ``end-of-quarter`` / ``end-of-year``: "cuối tháng 9",
  "cuối Quý III/2021", "cuối năm 2021", "cuối năm" (last day);
  ``deadline:start-of-month``: "đầu tháng 10/2021" = the 10th (documented choice: the
  first decade of the month); ``deadline:mid-month``: "giữa tháng 10" = the 15th.

``period`` (the same periods with no marker; value = last day): ``period:month``
("tháng 2/2021", "tháng 8 năm 2021", "tháng 8"), ``period:quarter`` ("Quý III/2021",
"quý 3 năm 2021"), ``period:year`` ("năm 2021", "năm nay"), ``period:next-year``
("năm tới"), ``period:first-n-months`` ("6 tháng đầu năm 2021" -> 2021-06-30),
``period:last-n-months`` ("6 tháng cuối năm 2021" -> 2021-12-31).

``span`` (multi-year ranges and horizons, value = 31 December of the last year; the caller
decides whether it is a deadline): ``span:school-year`` ("năm học 2021-2022"),
``span:period-range`` ("giai đoạn 2021-2025"), ``span:term`` ("nhiệm kỳ 2021-2026"),
``span:year-range`` ("2019 - 2020", "năm 2021-2022", "từ năm 2021 đến năm 2025"),
``span:until-year`` ("đến năm 2025"), ``span:vision`` ("định hướng đến 2025",
"tầm nhìn đến năm 2030"). A year inside a span is not reported on its own.

``date`` (a plain calendar date): ``date:text`` ("ngày 16 tháng 8 năm 2021"),
``date:numeric`` ("16/8/2021", "19-6-2020", "16.8.2021"), ``date:day-context``
("ngày 14/7/2021", "chiều 14/12", "sáng ngày 26/12"), ``date:parenthesised`` ("(11/12)").
A day/month without a year is accepted only after a day word (ngày, sáng, chiều, tối, trưa,
đêm, hôm nay), inside parentheses, or after a deadline marker: "24/7" (service hours),
"26.750" (money), "2,92%" are not dates. Impossible dates (31/2) are dropped.

``recurrence`` (``recurrence`` = daily|weekly|monthly|quarterly|yearly, value None):
``recurrence:{daily,weekly,monthly,quarterly,yearly}`` ("hàng ngày", "hằng tuần",
"định kỳ hàng tháng", "báo cáo tháng", "định kỳ quý", "hằng năm", "mỗi tháng");
``recurrence:{weekly,monthly,quarterly,yearly}-day`` ("trước ngày 20 hằng tháng",
"thứ Sáu hằng tuần", "trước ngày 15/12 hằng năm"): ONE mention covering the whole phrase;
``recurrence:every-n-{days,weeks,months,years}`` ("định kỳ 3 tháng", "3 tháng một lần");
mapped to a recurrence when the interval is 1 day/week/month/year, 3 months or 12 months.
``recurrence:half-year`` ("6 tháng một lần", "định kỳ 6 tháng"): the contract has no
half-yearly value, so ``recurrence`` is None (deliberately not "quarterly").

``relative`` (counted from an event): ``relative:{days,working-days,weeks,months,years}``
("trong thời hạn 15 ngày kể từ ngày ký", "trong 07 ngày làm việc", "sau 10 ngày kể từ ngày
nhận được văn bản"); value = doc_date + N (working days skip Saturday and Sunday) when the
anchor is the signing/issuing date ("kể từ ngày ký", "... ban hành") and doc_date is
known, or anchor date + N for an explicit anchor date; else None.
``relative:{this,next}-{week,month}`` ("trong tuần", "tuần tới", "trong tháng này",
"tháng sau"): end of that week (Sunday; weeks run Monday to Sunday) or month.

Vague urgency ("sớm nhất", "khẩn trương", "kịp thời", "ngay", "thường xuyên") is never a
time mention.

Missing parts: a missing year is the document's year (``doc_date``), else ``today``'s, else
the value is None (the mention is still reported). A missing month or quarter ("cuối
tháng", "giữa tháng", "trong tuần") uses the same reference date. Text is expected in NFC;
matching ignores case.

Matching: leftmost first; at one position the rules are tried in a fixed order, longer and
more specific forms first, so the longest expression starting earliest wins and mentions
never overlap. An expression starts at the start of the text or after whitespace or
punctuation (not inside a word: "m2/người", "F0").

Performance: one scan of the whole text by one compiled pattern (see ``_assemble``), then a
small pattern per candidate. Every quantifier is bounded or separated from its neighbours
by a literal, so the work is linear even on hostile input.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import NamedTuple

import holidays

from chidao.extract.model import TimeMention

__all__ = ["find_times", "last_day", "parse_date_phrase"]

# --------------------------------------------------------------------------------------
# Lexical atoms (all patterns match lower-cased text)
# --------------------------------------------------------------------------------------

_YEAR = r"(?:19|20)\d\d(?!\d)"
_ROMAN = r"(?:iv|i{1,3}|[1-4])(?!\w)"
_GAP = r"(?:\s*[:,]\s*|\s+)"  # between two words: spaces, or a colon or comma
_YEAR_LINK = r"(?: ?[/-] ?|\s+năm\s+|\s*,\s*năm\s+)"  # "8/2021", "8 năm 2021"
_NO_MORE_DIGITS = r"(?![/.-]?\d)"  # a number must not run on ("8/20", "14/7/20")
_THANG = r"th[áả]ng"  # "thảng" is a frequent typo
_TIME_OF_DAY = r"\d{1,2} ?(?:h|giờ)(?: ?\d\d(?: ?phút)?)?(?!\w)(?:\s+(?:sáng|chiều|tối|trưa|đêm))?"
_WEEKDAY = r"(?:hai|ba|tư|năm|sáu|bảy|[2-7])(?!\w)"
_EVERY_WORD = r"(?:hàng|hằng|mỗi)"
_ONCE = r"(?:/\s*lần|(?:một|1)\s+lần)(?!\w)"  # "6 tháng/lần", "6 tháng một lần"
# After "báo cáo tháng", "định kỳ quý": not a number or a specific period.
_NOT_SPECIFIC = (
    r"(?![^\S\n]*(?:\d|(?:iv|i{1,3})(?!\w)|(?:nay|này|tới|qua|trước|sau|đầu|cuối|học)(?!\w)))"
)

# --------------------------------------------------------------------------------------
# Targets: what a deadline marker points at
# --------------------------------------------------------------------------------------

_DATE_TEXT_BODY = (
    rf"\s+(?P<td>\d{{1,2}})\s+{_THANG}\s+(?P<tm>\d{{1,2}})(?!\d)"
    rf"(?:(?:\s*,\s*|\s+)năm\s+(?P<ty>{_YEAR}))?"
)
_DATE_NUM = (  # day/month with an optional year; the caller decides when no year is fine
    r"(?<![\d/.,])(?P<od>\d{1,2}) ?(?P<os>[/.-]) ?(?P<om>\d{1,2})"
    rf"(?: ?(?P=os) ?(?P<oy>{_YEAR}))?{_NO_MORE_DIGITS}"
)
_MONTH_BODY = rf"\s+(?P<mm>\d{{1,2}})(?:{_YEAR_LINK}(?P<my>{_YEAR}))?{_NO_MORE_DIGITS}"
_QUARTER_BODY = rf"\s+(?P<qq>{_ROMAN})(?:{_YEAR_LINK}(?P<qy>{_YEAR}))?{_NO_MORE_DIGITS}"
_YEAR_BODY = rf"\s+(?P<yy>{_YEAR})(?!\s*[-–—]\s*(?:19|20)\d\d)"  # not "năm 2021-2022"
_N_MONTHS_BODY = (
    rf"\s+{_THANG}\s+(?P<nside>đầu|cuối)\s+năm(?!\w)"
    rf"(?:\s+(?P<nny>{_YEAR})|\s+(?P<nnr>nay)(?!\w))?"
)
_EDGE_BODY = (  # after "cuối" / "đầu" / "giữa"
    rf"\s+(?:{_THANG}(?:\s+(?P<em>\d{{1,2}})(?:{_YEAR_LINK}(?P<emy>{_YEAR}))?"
    rf"{_NO_MORE_DIGITS}|\s+(?:này|nay)(?!\w))?"
    rf"|(?P<eq>quý)(?:\s+(?P<eqq>{_ROMAN})(?:{_YEAR_LINK}(?P<eqy>{_YEAR}))?"
    rf"{_NO_MORE_DIGITS}|\s+(?:này|nay)(?!\w))?"
    rf"|(?P<ey>năm)(?:\s+(?P<eyy>{_YEAR})|\s+(?:nay|này)(?!\w))?)(?!\w)"
)
_TARGET = (
    rf"(?:ngày{_DATE_TEXT_BODY}|(?:ngày\s+)?{_DATE_NUM}"
    rf"|(?P<nn>\d{{1,2}}){_N_MONTHS_BODY}|(?P<epos>cuối|đầu|giữa){_EDGE_BODY}"
    rf"|{_THANG}{_MONTH_BODY}|quý{_QUARTER_BODY}"
    rf"|năm(?:{_YEAR_BODY}|\s+(?P<yr>nay|tới)(?!\w)))"
)

# Deadline markers. "trước" = before; "chậm nhất", "hạn chót", "thời hạn" = by; "đến",
# "tới", "hết" = until; "trong" = within; "cả" = the whole of.
_MARKERS = (
    r"hoàn\s+thành\s+(?:trước|trong)",
    r"xong\s+(?:trước|trong)",
    r"trước",
    r"trong",
    r"chậm\s+nhất(?:\s+(?:là|vào|trước|trong|đến))?",
    r"hạn\s+(?:chót|cuối)(?:\s+là)?",
    r"thời\s+hạn(?:\s+hoàn\s+thành)?(?:\s+là)?",
    r"cho\s+(?:đến|tới)(?:\s+hết)?",
    r"đến(?:\s+hết)?",
    r"tới(?:\s+hết)?",
    r"hết",
    r"cả",
)
_AFTER_MARKER = rf"{_GAP}(?:{_TIME_OF_DAY}{_GAP})?"

_RECURRENCE_TAIL = rf"\s+(?:(?:của|các)\s+)?{_EVERY_WORD}\s+(?P<ru>tuần|tháng|quý|năm)(?!\w)"
_DAY_OF_PERIOD = (
    r"(?:vào\s+)?(?:ngày\s+(?P<rd>\d{1,2})(?: ?/ ?(?P<rm>\d{1,2}))?(?!\d)"
    rf"|thứ\s+{_WEEKDAY}|chủ\s+nhật)"
)

_ANCHOR_DOC = r"(?:văn\s+bản|công\s+văn|quyết\s+định|kế\s+hoạch|thông\s+báo|chỉ\s+thị)"
_ANCHOR = (
    r"(?P<anc>(?:ký|ban\s+hành)(?:\s+ban\s+hành)?|nhận\s+được|nhận|có\s+hiệu\s+lực"
    r"|(?P<ad>\d{1,2})(?P<as>[/.-])(?P<am>\d{1,2})(?P=as)"
    rf"(?P<ay>{_YEAR}){_NO_MORE_DIGITS})(?:\s+{_ANCHOR_DOC}(?:\s+này)?)?"
)
_RELATIVE_MARKERS = (
    r"trong\s+(?:thời\s+hạn|thời\s+gian|vòng|phạm\s+vi)",
    r"trong",
    r"thời\s+hạn(?:\s+hoàn\s+thành)?",
    r"sau",
    r"tối\s+đa",
    r"không\s+quá",
    r"chậm\s+nhất(?:\s+là)?(?:\s+sau)?",
)
_RELATIVE_BODY = (
    rf"{_GAP}(?P<n>\d{{1,3}})\s+(?P<unit>ngày(?:\s+làm\s+việc)?|tuần|tháng|năm)(?!\w)"
    r"(?!\s+(?:đầu|cuối)\s+năm)"
    rf"(?:{_GAP}(?:kể\s+)?từ\s+(?:ngày\s+|khi\s+)?{_ANCHOR})?"
)


# --------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------


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


_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


# --------------------------------------------------------------------------------------
# Reading a match
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Ctx:
    """What a handler may use to fill in missing parts."""

    year: int | None  # the year of dates that lack one: doc_date's, else today's
    ref: date | None  # doc_date, else today: for "cuối tháng", "trong tuần"
    doc: date | None  # the signing date, for "kể từ ngày ký"


class _Groups:
    """The named groups of one rule's match; a name the rule lacks reads as None."""

    __slots__ = ("_index", "_m")

    def __init__(self, m: re.Match[str], index: dict[str, int]) -> None:
        self._m, self._index = m, index

    def __call__(self, name: str) -> str | None:
        index = self._index.get(name)
        return None if index is None else self._m.group(index)

    def num(self, name: str) -> int | None:
        """The group as a number; None when absent or not a number (a word lead)."""
        value = self(name)
        return int(value) if value is not None and value.isdecimal() else None

    def words(self, name: str) -> str:
        """The group with its whitespace collapsed to single spaces ("" when absent)."""
        return " ".join((self(name) or "").split())


_Handler = Callable[[_Groups, int, int, _Ctx], "TimeMention | None"]


def _mention(start: int, end: int, kind: str, value: date | None, rule: str) -> TimeMention:
    return TimeMention(start, end, kind, value=value, rule=rule)


# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------


def _day_value(day: int, month: int, year: int | None) -> tuple[bool, date | None]:
    """(whether day/month[/year] exists, its date when the year is known)."""
    if year is None:
        return _valid_day_month(day, month), None
    value = _safe_date(year, month, day)
    return value is not None, value


def _or(value: int | None, default: int | None) -> int | None:
    return default if value is None else value


def _target_date(g: _Groups, ctx: _Ctx) -> tuple[bool, date | None] | None:
    """The date a match names (text, numeric or parenthesised form); None if it names none."""
    for d, m, y in (("td", "tm", "ty"), ("od", "om", "oy"), ("pd", "pm", "py")):
        day, month = g.num(d), g.num(m)
        if day is not None and month is not None:
            return _day_value(day, month, _or(g.num(y), ctx.year))
    return None


def _date_rule(rule: str) -> _Handler:
    def handle(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
        day = _target_date(g, ctx)
        if day is None or not day[0]:
            return None
        return _mention(start, end, "date", day[1], rule)

    return handle


def _on_numeric_date(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    day, month, year = g.num("lead"), g.num("nm"), g.num("ny")
    if day is None or month is None or year is None:
        return None
    value = _safe_date(year, month, day)
    return None if value is None else _mention(start, end, "date", value, "date:numeric")


# --------------------------------------------------------------------------------------
# Periods and deadlines
# --------------------------------------------------------------------------------------


class _Period(NamedTuple):
    unit: str  # "month", "quarter", "year", "next-year", "first-n-months", "last-n-months"
    first: date | None  # first day; None when the year is unknown
    last: date | None  # last day


def _period(unit: str, year: int | None, first_month: int, last_month: int) -> _Period:
    if year is None:
        return _Period(unit, None, None)
    return _Period(unit, date(year, first_month, 1), last_day(year, last_month))


def _target_period(g: _Groups, ctx: _Ctx) -> _Period | None:
    """The month, quarter, year or n-months period a match names; None if none or invalid."""
    month = g.num("mm")
    if month is not None:
        if not 1 <= month <= 12:
            return None
        return _period("month", _or(g.num("my"), ctx.year), month, month)
    quarter = g("qq")
    if quarter is not None:
        q = _ROMAN_VALUES[quarter]
        return _period("quarter", _or(g.num("qy"), ctx.year), 3 * q - 2, 3 * q)
    year = g.num("yy")
    if year is not None:
        return _period("year", year, 1, 12)
    relative = g("yr")
    if relative is not None:
        nxt = relative == "tới"
        this = ctx.year
        return _period("next-year" if nxt else "year", None if this is None else this + nxt, 1, 12)
    if g("nside") is not None:
        return _n_months(g, ctx)
    return None


def _n_months(g: _Groups, ctx: _Ctx) -> _Period | None:
    """Months counted from either end of a year: "6 tháng đầu năm 2021" is January to June,
    "6 tháng cuối năm" July to December; None for a count outside 1-12."""
    n = _or(g.num("nn"), g.num("lead"))
    if n is None or not 1 <= n <= 12:
        return None
    year = _or(g.num("nny"), ctx.year)
    if g("nside") == "đầu":
        return _period("first-n-months", year, 1, n)
    return _period("last-n-months", year, 13 - n, 12)


def _on_period(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    period = _target_period(g, ctx)
    if period is None:
        return None
    return _mention(start, end, "period", period.last, f"period:{period.unit}")


def _edge(g: _Groups, ctx: _Ctx) -> tuple[str, date | None] | None:
    """(rule, value) of "cuối năm", "cuối quý", "cuối/đầu/giữa tháng"; None if invalid."""
    pos = g("epos") or g("lead")
    if g("ey") is not None or g("eq") is not None:
        if pos != "cuối":  # "đầu năm", "giữa quý": too vague
            return None
        return _end_of_year(g, ctx) if g("ey") is not None else _end_of_quarter(g, ctx)
    month = _or(g.num("em"), None if ctx.ref is None else ctx.ref.month)
    if month is not None and not 1 <= month <= 12:
        return None
    name = {"cuối": "end-of-month", "đầu": "start-of-month", "giữa": "mid-month"}[pos or "cuối"]
    year = _or(g.num("emy"), ctx.year)
    if year is None or month is None:
        return f"deadline:{name}", None
    day = {"end-of-month": last_day(year, month).day, "start-of-month": 10, "mid-month": 15}
    return f"deadline:{name}", date(year, month, day[name])


def _end_of_year(g: _Groups, ctx: _Ctx) -> tuple[str, date | None]:
    year = _or(g.num("eyy"), ctx.year)
    return "deadline:end-of-year", None if year is None else date(year, 12, 31)


def _end_of_quarter(g: _Groups, ctx: _Ctx) -> tuple[str, date | None]:
    roman = g("eqq")
    quarter = _ROMAN_VALUES[roman] if roman is not None else None
    if quarter is None and ctx.ref is not None:
        quarter = (ctx.ref.month - 1) // 3 + 1
    year = _or(g.num("eqy"), ctx.year)
    value = None if year is None or quarter is None else last_day(year, 3 * quarter)
    return "deadline:end-of-quarter", value


def _on_edge(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    edge = _edge(g, ctx)
    return None if edge is None else _mention(start, end, "deadline", edge[1], edge[0])


def _marker_class(marker: str) -> str:
    """before | within | until | until-end | whole | by, from the marker's words."""
    if "trước" in marker:
        return "before"
    if "trong" in marker:
        return "within"
    if marker.startswith(("đến", "tới", "cho", "hết")) or marker.endswith("đến"):
        return "until-end" if "hết" in marker else "until"
    if marker == "cả":
        return "whole"
    return "by"  # chậm nhất, hạn chót, thời hạn


def _on_deadline(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    cls = _marker_class(g.words("lead"))
    day = _target_date(g, ctx)
    if day is not None:
        if not day[0] or cls == "whole":
            return None
        name = "until" if cls == "until-end" else cls
        return _mention(start, end, "deadline", day[1], f"deadline:{name}-date")
    if g("epos") is not None:
        return _on_edge(g, start, end, ctx)
    period = _target_period(g, ctx)
    return None if period is None else _period_deadline(period, cls, start, end)


def _period_deadline(period: _Period, cls: str, start: int, end: int) -> TimeMention:
    unit = "year" if period.unit == "next-year" else period.unit
    if cls == "until" and unit == "year":  # "đến năm 2025": a horizon, not a deadline
        return _mention(start, end, "span", period.last, "span:until-year")
    if cls == "whole":
        return _mention(start, end, "deadline", period.last, f"deadline:whole-{unit}")
    if cls == "before" and unit in ("month", "quarter", "year"):
        value = None if period.first is None else period.first - timedelta(days=1)
        return _mention(start, end, "deadline", value, f"deadline:before-{unit}")
    name = {"until-end": "until", "before": "within"}.get(cls, cls)
    return _mention(start, end, "deadline", period.last, f"deadline:{name}-{unit}")


# --------------------------------------------------------------------------------------
# Spans
# --------------------------------------------------------------------------------------

_SPAN_KINDS = {
    "năm học": "school-year",
    "niên khóa": "school-year",
    "niên khoá": "school-year",
    "giai đoạn": "period-range",
    "thời kỳ": "period-range",
    "nhiệm kỳ": "term",
}


def _span(
    start: int, end: int, first: int | None, last: int | None, rule: str
) -> TimeMention | None:
    if first is None or last is None or not 1900 <= first < last <= first + 50:
        return None
    return _mention(start, end, "span", date(last, 12, 31), rule)


def _on_span_named(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    kind = _SPAN_KINDS.get(g.words("lead"), "year-range")
    return _span(start, end, g.num("sa"), g.num("sb"), f"span:{kind}")


def _on_span_pair(first: str, last: str) -> _Handler:
    def handle(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
        return _span(start, end, g.num(first), g.num(last), "span:year-range")

    return handle


def _on_span_vision(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    year = g.num("vy")
    return None if year is None else _mention(start, end, "span", date(year, 12, 31), "span:vision")


# --------------------------------------------------------------------------------------
# Recurrences
# --------------------------------------------------------------------------------------

_RECURRENCE_OF_UNIT = {
    "ngày": "daily",
    "tuần": "weekly",
    "tháng": "monthly",
    "quý": "quarterly",
    "năm": "yearly",
}
_EVERY = {
    ("ngày", 1): "daily",
    ("tuần", 1): "weekly",
    ("tháng", 1): "monthly",
    ("tháng", 3): "quarterly",
    ("tháng", 12): "yearly",
    ("năm", 1): "yearly",
}
_UNIT_PLURAL = {"ngày": "days", "tuần": "weeks", "tháng": "months", "năm": "years"}


def _recurrence(start: int, end: int, recurrence: str | None, rule: str) -> TimeMention:
    return TimeMention(start, end, "recurrence", recurrence=recurrence, rule=rule)


def _on_recurrence_word(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    recurrence = _RECURRENCE_OF_UNIT[g("u") or "năm"]
    return _recurrence(start, end, recurrence, f"recurrence:{recurrence}")


def _on_recurrence_day(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    day, month = g.num("rd"), g.num("rm")
    if day is not None:
        valid = _valid_day_month(day, month) if month is not None else 1 <= day <= 31
        if not valid:
            return None
    recurrence = _RECURRENCE_OF_UNIT[g("ru") or "năm"]
    return _recurrence(start, end, recurrence, f"recurrence:{recurrence}-day")


def _on_recurrence_every(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    n, unit = _or(g.num("n"), g.num("lead")), g("u") or ""
    if not n or unit not in _UNIT_PLURAL:
        return None
    if unit == "tháng" and n == 6:  # no half-yearly value in the contract
        return _recurrence(start, end, None, "recurrence:half-year")
    return _recurrence(
        start, end, _EVERY.get((unit, n)), f"recurrence:every-n-{_UNIT_PLURAL[unit]}"
    )


# --------------------------------------------------------------------------------------
# Relative spans
# --------------------------------------------------------------------------------------

_RELATIVE_UNITS = {
    "ngày": "days",
    "ngày làm việc": "working-days",
    "tuần": "weeks",
    "tháng": "months",
    "năm": "years",
}


def _on_relative_n(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    n, rule = g.num("n"), _RELATIVE_UNITS[g.words("unit")]
    anchor = _anchor_date(g, ctx)
    value = None if anchor is None or n is None else _shift(anchor, n, rule)
    return _mention(start, end, "relative", value, f"relative:{rule}")


def _anchor_date(g: _Groups, ctx: _Ctx) -> date | None:
    """The date "kể từ ..." counts from: the signing date, an explicit date, or None."""
    anchor = g("anc")
    if anchor is None:
        return None
    if anchor.startswith(("ký", "ban")):
        return ctx.doc
    day, month, year = g.num("ad"), g.num("am"), g.num("ay")
    if day is None or month is None or year is None:
        return None
    return _safe_date(year, month, day)


def _shift(anchor: date, n: int, rule: str) -> date:
    if rule == "days":
        return anchor + timedelta(days=n)
    if rule == "working-days":
        return _add_working_days(anchor, n)
    if rule == "weeks":
        return anchor + timedelta(weeks=n)
    return _add_months(anchor, n * (12 if rule == "years" else 1))


def _on_relative_calendar(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    unit = "week" if "tuần" in (g("cu") or g("lead") or "") else "month"
    nxt = g("cmod") in ("tới", "sau")
    value = None if ctx.ref is None else _calendar_end(ctx.ref, unit, nxt)
    name = ("next-" if nxt else "this-") + unit
    return _mention(start, end, "relative", value, f"relative:{name}")


def _calendar_end(ref: date, unit: str, nxt: bool) -> date:
    """The last day of ``ref``'s week or month, or of the next one."""
    if unit == "week":
        return _week_end(ref) + timedelta(weeks=nxt)
    month_start = _add_months(date(ref.year, ref.month, 1), int(nxt))
    return last_day(month_start.year, month_start.month)


# --------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rule:
    """One form of the grammar: ``guard (?P<lead>lead|lead...) body``.

    Each lead starts with a plain letter, ``\\d`` or ``\\(`` (the scanner dispatches on that
    first character); ``guard`` is a look-behind checked before the lead. The handler turns
    the match into a mention, or None to reject it.
    """

    name: str
    leads: tuple[str, ...]
    body: str
    handler: _Handler
    guard: str = ""

    @property
    def pattern(self) -> str:
        return f"{self.guard}(?P<lead>{'|'.join(self.leads)}){self.body}"


_NOT_AFTER_NUMBER = r"(?<![/.,])"  # a number inside "1.234", "15/2020", "2,92"
_NOT_AFTER_COUNT = r"(?<!\d\s)"  # "3 tháng sau", "5 năm tới": a duration, not a period

# Order matters: at one position the first rule that matches wins.
_RULES = (
    _Rule(
        "recurrence-day-marked",
        _MARKERS,
        _AFTER_MARKER + _DAY_OF_PERIOD + _RECURRENCE_TAIL,
        _on_recurrence_day,
    ),
    _Rule("deadline", _MARKERS, _AFTER_MARKER + _TARGET, _on_deadline),
    _Rule("relative-n", _RELATIVE_MARKERS, _RELATIVE_BODY, _on_relative_n),
    _Rule(
        "relative-calendar-mod",
        (r"trong\s+tuần", rf"trong\s+{_THANG}", r"tuần", _THANG),
        r"\s+(?P<cmod>này|nay|tới|sau)(?!\w)",
        _on_relative_calendar,
        guard=_NOT_AFTER_COUNT,
    ),
    _Rule(
        "relative-calendar",
        ("trong",),
        r"\s+(?P<cu>tuần|tháng)(?!\w)"
        r"(?!\s*(?:\d|(?:qua|trước|rồi|vừa|đầu|cuối|làm|lễ|đến|sau|tới)(?!\w)))",
        _on_relative_calendar,
    ),
    _Rule(
        "span-named",
        (r"năm\s+học", r"niên\s+kh[óo][áa]", r"giai\s+đoạn", r"nhiệm\s+kỳ", r"thời\s+kỳ", "năm"),
        rf"\s+(?P<sa>{_YEAR}) ?[-–—] ?(?P<sb>{_YEAR})",
        _on_span_named,
    ),
    _Rule(
        "span-from-to",
        ("từ",),
        rf"\s+(?:năm\s+)?(?P<fa>{_YEAR})\s+(?:đến|tới)\s+(?:năm\s+)?(?P<fb>{_YEAR})",
        _on_span_pair("fa", "fb"),
    ),
    _Rule(
        "span-vision",
        (r"định\s+hướng", r"tầm\s+nhìn"),
        rf"\s+(?:(?:đến|tới)\s+)?(?:năm\s+)?(?P<vy>{_YEAR})",
        _on_span_vision,
    ),
    _Rule(
        "span-bare",
        (r"\d\d\d\d",),
        rf" ?[-–—] ?(?P<bb>{_YEAR})(?![/.]?\d)",
        _on_span_pair("lead", "bb"),
        guard=_NOT_AFTER_NUMBER,
    ),
    _Rule(
        "recurrence-word",
        (
            rf"báo\s+cáo\s+định\s+kỳ\s+{_EVERY_WORD}",
            rf"định\s+kỳ\s+{_EVERY_WORD}",
            "hàng",
            "hằng",
            "mỗi",
        ),
        r"\s+(?P<u>ngày|tuần|tháng|quý|năm)(?!\w)",
        _on_recurrence_word,
    ),
    _Rule(
        "recurrence-named",
        (r"báo\s+cáo(?:\s+định\s+kỳ)?", r"định\s+kỳ"),
        rf"\s+(?P<u>tuần|tháng|quý|năm)(?!\w){_NOT_SPECIFIC}",
        _on_recurrence_word,
    ),
    _Rule(
        "recurrence-every",
        (r"định\s+kỳ",),
        r"\s+(?P<n>\d{1,2})\s+(?P<u>ngày|tuần|tháng|năm)(?!\w)(?!\s+(?:đầu|cuối)(?!\w))"
        rf"(?:\s*{_ONCE})?",
        _on_recurrence_every,
    ),
    _Rule(
        "recurrence-times",
        (r"\d\d?",),
        rf"\s+(?P<u>ngày|tuần|tháng|năm)\s*{_ONCE}",
        _on_recurrence_every,
        guard=_NOT_AFTER_NUMBER,
    ),
    _Rule(
        "recurrence-day",
        (r"vào\s+ngày", "ngày"),
        r"\s+(?P<rd>\d{1,2})(?: ?/ ?(?P<rm>\d{1,2}))?(?!\d)" + _RECURRENCE_TAIL,
        _on_recurrence_day,
    ),
    _Rule(
        "recurrence-weekday",
        (r"vào\s+thứ", "thứ", r"vào\s+chủ\s+nhật", r"chủ\s+nhật"),
        rf"(?:\s+{_WEEKDAY})?{_RECURRENCE_TAIL}",
        _on_recurrence_day,
    ),
    _Rule("date-text", ("ngày",), _DATE_TEXT_BODY, _date_rule("date:text")),
    _Rule("date-day", ("ngày",), r"\s+" + _DATE_NUM, _date_rule("date:day-context")),
    _Rule(
        "date-daypart",
        (r"rạng\s+sáng", "sáng", "chiều", "tối", "trưa", "đêm", r"hôm\s+nay"),
        r"\s+(?:(?:nay|qua|mai)\s+)?(?:ngày\s+)?" + _DATE_NUM,
        _date_rule("date:day-context"),
    ),
    _Rule(
        "date-paren",
        (r"\(",),
        r" ?(?P<pd>\d{1,2}) ?(?P<ps>[/.-]) ?(?P<pm>\d{1,2})"
        rf"(?: ?(?P=ps) ?(?P<py>{_YEAR}))? ?\)",
        _date_rule("date:parenthesised"),
    ),
    _Rule(
        "date-numeric",
        (r"\d\d?",),
        rf" ?(?P<ns>[/.-]) ?(?P<nm>\d{{1,2}}) ?(?P=ns) ?(?P<ny>{_YEAR}){_NO_MORE_DIGITS}",
        _on_numeric_date,
        guard=_NOT_AFTER_NUMBER,
    ),
    _Rule("n-months", (r"\d\d?",), _N_MONTHS_BODY, _on_period, guard=_NOT_AFTER_NUMBER),
    _Rule("edge", ("cuối", "đầu", "giữa"), _EDGE_BODY, _on_edge),
    _Rule("month", (_THANG,), _MONTH_BODY, _on_period),
    _Rule("quarter", ("quý",), _QUARTER_BODY, _on_period),
    _Rule("year", ("năm",), _YEAR_BODY, _on_period),
    _Rule(
        "year-relative", ("năm",), r"\s+(?P<yr>nay|tới)(?!\w)", _on_period, guard=_NOT_AFTER_COUNT
    ),
)


# --------------------------------------------------------------------------------------
# The scanner
# --------------------------------------------------------------------------------------

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_BACKREF = re.compile(r"\(\?P=\w+\)")


def _recogniser(pattern: str) -> str:
    """``pattern`` without captures. Every back-reference of this grammar repeats a date
    separator, so it becomes ``[/.-]`` here; the rule's own pattern checks it exactly."""
    return _BACKREF.sub("[/.-]", _NAMED_GROUP.sub("(?:", pattern))


def _split_lead(lead: str) -> tuple[str, str]:
    """(first character, rest) of a lead; the first is a letter, ``\\d`` or ``\\(``."""
    first, rest = (lead[:2], lead[2:]) if lead.startswith("\\") else (lead[0], lead[1:])
    if (first not in ("\\d", "\\(") and not first.isalpha()) or rest[:1] in ("?", "*", "+", "{"):
        raise ValueError(f"lead must start with one plain character: {lead!r}")
    return first, rest


@dataclass(frozen=True, slots=True)
class _Compiled:
    regex: re.Pattern[str]
    handler: _Handler
    groups: dict[str, int]  # the regex's group index, as a plain dict (faster to read)


# What may stand just before an expression: whitespace or punctuation. An explicit set, not
# ``\W``: ``re`` tests a set of characters much faster than a Unicode category.
_BEFORE = (
    "[ \\t\\n\\r\\f\\v\\xa0\\u2000-\\u200b\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
    r"""!"#$%&'()*+,\-./:;<=>?@\[\\\]^`{|}~“”‘’«»–—…•·]"""
)


def _assemble() -> tuple[re.Pattern[str], dict[str, tuple[str, int]], dict[str, list[_Compiled]]]:
    """Build the scanner; for each scanner tag, its first character and the position of its
    rule among that character's rules; and the rules of each first character, in order.

    The scanner matches one character of ``_BEFORE``, then a branch per first character
    (``t(?:...)|n(?:...)|\\d(?:...)``) holding, in rule order, one alternative per lead
    starting with that character: the lead minus that character, then the rule's body,
    both without captures, closed by an empty group whose name (``Match.lastgroup``) says
    which rule matched. Starting on a set of characters and branching on literal characters
    lets ``re`` reject nearly every position without entering the grammar: over 20 times
    faster than one alternation of the rules behind a ``(?<!\\w)``.
    """
    by_first: dict[str, list[str]] = {}
    tags: dict[str, tuple[str, int]] = {}
    rules_of: dict[str, list[_Compiled]] = {}
    for rank, rule in enumerate(_RULES):
        regex = re.compile(rule.pattern)
        compiled = _Compiled(regex, rule.handler, dict(regex.groupindex))
        body = _recogniser(rule.body)
        for lead in rule.leads:
            first, rest = _split_lead(lead)
            same_first = rules_of.setdefault(first, [])
            if not same_first or same_first[-1] is not compiled:
                same_first.append(compiled)
            tag = f"r{rank}_{len(tags)}"
            tags[tag] = (first, len(same_first) - 1)
            by_first.setdefault(first, []).append(f"{_recogniser(rest)}{body}(?P<{tag}>)")
    branches = "|".join(f"{first}(?:{'|'.join(alts)})" for first, alts in by_first.items())
    return re.compile(f"{_BEFORE}(?:{branches})"), tags, rules_of


_SCAN, _TAGS, _RULES_OF = _assemble()


def _fold(text: str) -> str:
    """Lower-case ``text`` keeping every character at its offset."""
    low = text.lower()
    if len(low) == len(text):
        return low
    low = text.replace("\u0130", "i").lower()  # "İ" is the one character lower() lengthens
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _context(doc_date: date | None, today: date | None) -> _Ctx:
    ref = doc_date or today
    return _Ctx(year=None if ref is None else ref.year, ref=ref, doc=doc_date)


def find_times(
    text: str, *, doc_date: date | None = None, today: date | None = None
) -> list[TimeMention]:
    """Every time expression in ``text``, sorted by start, non-overlapping.

    ``doc_date`` (the document's date) and ``today`` fill in missing years (and months, for
    "cuối tháng"); ``doc_date`` anchors "kể từ ngày ký". Never raises on a string; offsets
    index ``text``; see the module docstring for the kinds and rules.
    """
    low = " " + _fold(text)  # the scanner starts on a non-word character
    ctx = _context(doc_date, today)
    found: list[TimeMention] = []
    pos, search = 0, _SCAN.search
    while (m := search(low, pos)) is not None:
        start = m.start() + 1
        first, index = _TAGS[m.lastgroup or ""]
        mention = _first_mention(low, start, _RULES_OF[first][index:], ctx)
        if mention is None:  # every rule refused (e.g. 31/2): look again after this start
            pos = start
            continue
        found.append(mention)
        pos = mention.end  # == end - 1 in ``low``: its last character may start the next
    return found


def _first_mention(low: str, start: int, rules: list[_Compiled], ctx: _Ctx) -> TimeMention | None:
    """The first of ``rules`` (in order) that matches at ``start`` and is accepted.

    A value that falls outside the calendar (before year 1 or after 9999, which only an
    absurd ``doc_date`` can cause) rejects the match rather than raise.
    """
    for rule in rules:
        m = rule.regex.match(low, start)
        if m is None:
            continue
        try:
            mention = rule.handler(_Groups(m, rule.groups), start - 1, m.end() - 1, ctx)
        except (OverflowError, ValueError):
            mention = None
        if mention is not None:
            return mention
    return None


_PHRASE = re.compile(
    r"\s*(?:(?:ngày|sáng|chiều|tối|trưa|hôm\s+nay)\s+)?"
    r"(?:(?P<d>\d{1,2}) ?(?P<s>[/.-]) ?(?P<m>\d{1,2})(?: ?(?P=s) ?(?P<y>\d{4}))?"
    rf"|(?P<td>\d{{1,2}})\s+{_THANG}\s+(?P<tm>\d{{1,2}})(?:(?:\s*,\s*|\s+)năm\s+(?P<ty>\d{{4}}))?"
    r"|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))\s*(?:[.,;:)]\s*)?"
)


def parse_date_phrase(
    s: str, *, doc_date: date | None = None, today: date | None = None
) -> date | None:
    """The date one phrase names, or None.

    A phrase that is a date as a whole is read even without a day word: "14/7/2021",
    "ngày 14/7/2021", "16 tháng 8 năm 2021", "19-6-2020", "2021-08-16", "14/7". Otherwise
    the first date or dated deadline that ``find_times`` sees in ``s`` is used ("Hà Nội,
    ngày 16 tháng 8 năm 2021"). A missing year comes from ``doc_date``, else ``today``;
    with neither, or for an impossible date, the result is None.
    """
    m = _PHRASE.fullmatch(_fold(s))
    if m is not None:
        return _phrase_value(m, _context(doc_date, today).year)
    for mention in find_times(s, doc_date=doc_date, today=today):
        if mention.kind in ("date", "deadline") and mention.value is not None:
            return mention.value
    return None


def _phrase_value(m: re.Match[str], default_year: int | None) -> date | None:
    if m["iy"] is not None:
        return _safe_date(int(m["iy"]), int(m["im"]), int(m["id"]))
    day, month, year = (
        (m["d"], m["m"], m["y"]) if m["d"] is not None else (m["td"], m["tm"], m["ty"])
    )
    y = int(year) if year is not None else default_year
    return None if y is None else _safe_date(y, int(month), int(day))
