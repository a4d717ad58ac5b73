"""Reading one match of a rule: the reference dates a handler may use (``_Ctx``,
``_context``), the match's named groups (``_Groups``), the handler type and the mention it
makes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from chidao.extract.model import TimeMention


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
        index = self._index.get(name)  # (``self(name)`` inline: read for every rule's match)
        value = None if index is None else self._m.group(index)
        return int(value) if value is not None and value.isdecimal() else None

    def words(self, name: str) -> str:
        """The group with its whitespace collapsed to single spaces ("" when absent)."""
        return " ".join((self(name) or "").split())


_Handler = Callable[[_Groups, int, int, _Ctx], "TimeMention | None"]


def _mention(start: int, end: int, kind: str, value: date | None, rule: str) -> TimeMention:
    return TimeMention(start, end, kind, value=value, rule=rule)


def _or(value: int | None, default: int | None) -> int | None:
    return default if value is None else value


def _context(doc_date: date | None, today: date | None, year: int | None = None) -> _Ctx:
    """``year`` alone (an undated text of a known year): no day to count "tuần này" from."""
    if year is not None and doc_date is None:
        return _Ctx(year=year, ref=None, doc=None)
    ref = doc_date or today
    return _Ctx(year=None if ref is None else ref.year, ref=ref, doc=doc_date)
