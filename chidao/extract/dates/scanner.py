"""The scanner: one compiled pattern over the whole text finds where a rule may start
(``_assemble``), then the rules of that first character are tried in order
(``find_times``); and ``parse_date_phrase``, the date one phrase names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from chidao.extract.dates.days import _safe_date
from chidao.extract.dates.grammar import _THANG
from chidao.extract.dates.reading import _context, _Ctx, _Groups, _Handler
from chidao.extract.dates.rules import _RULES
from chidao.extract.model import TimeMention

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


def find_times(
    text: str, *, doc_date: date | None = None, today: date | None = None, year: int | None = None
) -> list[TimeMention]:
    """Every time expression in ``text``, sorted by start, non-overlapping.

    ``doc_date`` (the document's date) and ``today`` fill in missing years (and months, for
    "cuối tháng"); ``doc_date`` anchors "kể từ ngày ký"; ``year`` alone (an undated text that
    speaks of one year) fills in years and leaves what counts from a day ("tuần này") open.
    Never raises on a string; offsets index ``text``; see the module docstring for the kinds
    and rules.
    """
    low = " " + _fold(text)  # the scanner starts on a non-word character
    ctx = _context(doc_date, today, year)
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
