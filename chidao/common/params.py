"""The query parameters the pages and the API share, checked in one place.

A view reads ``?page=``, ``?agency=``, ``?period=`` … its own way (a filter it does not
know is ignored, a page past the end shows the last one); what no view can do anything
with — a page or an id beyond any integer the database holds, a year out of any archive,
text where a number belongs — is answered 400 here (by chidao/web/limits.py, before the
view runs) instead of reaching SQL or ``date()`` as an error. The rules:

- ids (``agency``, ``document``, ``task``, ``assignment``): a whole number 1 … 2⁶³−1;
- ``page``: a whole number 1 … ``MAX_PAGE``;
- periods (``period``: ``2026-11``, ``2026-Q4``, ``2026``, ``2026-01-01..2026-03-31``) and
  dates (``tu``, ``den``: dd/mm/yyyy, or yyyy-mm-dd): years ``MIN_YEAR`` … ``MAX_YEAR``,
  months 1 … 12, real calendar days (the agency autocomplete's ``on``, a hint, is ignored when it is no date);
- ``sap_den_han`` (the "due soon" window, days): a whole number 0 … 9999.

An empty value is no value (a form's blank field). Repeated parameters are each checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from django.http import QueryDict
from django.utils.translation import gettext as _

from chidao.common.dayfield import parse_day

MAX_ID = 2**63 - 1  # BigAutoField (SQLite INTEGER, PostgreSQL bigint)
MAX_PAGE = 100_000
MIN_YEAR, MAX_YEAR = 1900, 2100
MAX_DAYS_WINDOW = 9999

_WHOLE = re.compile(r"\d{1,19}")
_YEAR = re.compile(r"(\d{4})")
_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_QUARTER = re.compile(r"(\d{4})-[Qq]([1-4])")
_RANGE = re.compile(r"(\S+)\.\.(\S+)")


class BadParameter(ValueError):
    """A query parameter no view can use; the message names it, in Vietnamese."""


def _whole(value: str, low: int, high: int) -> bool:
    return bool(_WHOLE.fullmatch(value)) and low <= int(value) <= high


def _year_ok(text: str) -> bool:
    return MIN_YEAR <= int(text) <= MAX_YEAR


def _date_ok(value: str) -> bool:
    day = parse_day(value)
    return day is not None and MIN_YEAR <= day.year <= MAX_YEAR


def _iso_day_ok(value: str) -> bool:
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return False
    return MIN_YEAR <= day.year <= MAX_YEAR


def _period_ok(value: str) -> bool:
    if m := _RANGE.fullmatch(value):
        return _iso_day_ok(m[1]) and _iso_day_ok(m[2])
    if m := _QUARTER.fullmatch(value):
        return _year_ok(m[1])
    if m := _MONTH.fullmatch(value):
        return _year_ok(m[1]) and 1 <= int(m[2]) <= 12
    if _YEAR.fullmatch(value):
        return _year_ok(value)
    return False


def is_id(value: str) -> bool:
    """A primary key the database can hold: a whole number 1 … 2⁶³−1."""
    return _whole(value, 1, MAX_ID)


def _page_ok(value: str) -> bool:
    return _whole(value, 1, MAX_PAGE)


def _window_ok(value: str) -> bool:
    return _whole(value, 0, MAX_DAYS_WINDOW)


def _id_message(name: str) -> str:
    return _("Tham số “%(name)s” không hợp lệ: cần một mã số (số nguyên dương).") % {"name": name}


def _page_message(name: str) -> str:
    return _("Số trang không hợp lệ: cần một số nguyên từ 1 đến %(max)s.") % {"max": MAX_PAGE}


def _period_message(name: str) -> str:
    return _(
        "Kỳ “%(name)s” không hợp lệ: dùng dạng 2026-11, 2026-Q4 hoặc 2026, năm từ %(low)s "
        "đến %(high)s."
    ) % {"name": name, "low": MIN_YEAR, "high": MAX_YEAR}


def _date_message(name: str) -> str:
    return _("Ngày “%(name)s” không hợp lệ: dùng dạng dd/mm/yyyy, năm từ %(low)s đến %(high)s.") % {
        "name": name,
        "low": MIN_YEAR,
        "high": MAX_YEAR,
    }


def _window_message(name: str) -> str:
    return _("Tham số “%(name)s” không hợp lệ: cần một số ngày (số nguyên không âm).") % {
        "name": name
    }


Rule = tuple[Callable[[str], bool], Callable[[str], str]]
RULES: dict[str, Rule] = {
    "agency": (is_id, _id_message),
    "document": (is_id, _id_message),
    "task": (is_id, _id_message),
    "assignment": (is_id, _id_message),
    "page": (_page_ok, _page_message),
    "period": (_period_ok, _period_message),
    "tu": (_date_ok, _date_message),
    "den": (_date_ok, _date_message),
    "sap_den_han": (_window_ok, _window_message),
}


def check_query(query: QueryDict) -> None:
    """Raise :class:`BadParameter` for the first parameter that breaks its rule."""
    for name, (ok, message) in RULES.items():
        for value in query.getlist(name):
            value = value.strip()
            if value and not ok(value):
                raise BadParameter(message(name))
