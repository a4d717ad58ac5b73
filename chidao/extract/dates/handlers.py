"""The handlers of the rules: each turns one match into a
:class:`~chidao.extract.model.TimeMention` (dates, periods, deadlines, spans, recurrences,
relative spans) or rejects it with None.
"""

from __future__ import annotations

from datetime import date, timedelta

from chidao.extract.dates.days import (
    _add_months,
    _add_working_days,
    _calendar_end,
    _safe_date,
    _valid_day_month,
)
from chidao.extract.dates.periods import _edge, _Period, _target_date, _target_period
from chidao.extract.dates.reading import _Ctx, _Groups, _Handler, _mention, _or
from chidao.extract.model import TimeMention

# --------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------


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


def _on_period(g: _Groups, start: int, end: int, ctx: _Ctx) -> TimeMention | None:
    period = _target_period(g, ctx)
    if period is None:
        return None
    return _mention(start, end, "period", period.last, f"period:{period.unit}")


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
        day = (True, _next_year_if_past(day[1], g, ctx))
        name = "until" if cls == "until-end" else cls
        return _mention(start, end, "deadline", day[1], f"deadline:{name}-date")
    if g("epos") is not None:
        return _on_edge(g, start, end, ctx)
    period = _target_period(g, ctx)
    return None if period is None else _period_deadline(period, cls, start, end)


_ROLL_OVER = timedelta(days=60)
_ROLL_AHEAD = timedelta(days=120)


def _next_year_if_past(value: date | None, g: _Groups, ctx: _Ctx) -> date | None:
    """A deadline written without its year that falls well before the signing: of the
    next year ("trước ngày 15/1" in a letter of 26 December is the coming January)."""
    if value is None or ctx.doc is None or any(g.num(y) is not None for y in ("ty", "oy", "py")):
        return value
    if value >= ctx.doc - _ROLL_OVER or (value.month, value.day) == (2, 29):
        return value
    later = value.replace(year=value.year + 1)
    return later if later - ctx.doc <= _ROLL_AHEAD else value  # (not a June letter's "15/3")


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
