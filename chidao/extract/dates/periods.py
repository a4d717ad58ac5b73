"""What a match names, as dates: a day (``_target_date``), a month, quarter, year or
n-months period (``_target_period``, ``_Period``), or the end, start or middle of one
(``_edge``); a missing year or month comes from the context.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from chidao.extract.dates.days import _safe_date, _valid_day_month, last_day
from chidao.extract.dates.reading import _Ctx, _Groups, _or

_ROMAN_VALUES = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _day_value(day: int, month: int, year: int | None) -> tuple[bool, date | None]:
    """(whether day/month[/year] exists, its date when the year is known)."""
    if year is None:
        return _valid_day_month(day, month), None
    value = _safe_date(year, month, day)
    return value is not None, value


def _target_date(g: _Groups, ctx: _Ctx) -> tuple[bool, date | None] | None:
    """The date a match names (text, numeric or parenthesised form); None if it names none."""
    for d, m, y in (("td", "tm", "ty"), ("od", "om", "oy"), ("pd", "pm", "py")):
        day, month = g.num(d), g.num(m)
        if day is not None and month is not None:
            return _day_value(day, month, _or(g.num(y), ctx.year))
    return None


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
