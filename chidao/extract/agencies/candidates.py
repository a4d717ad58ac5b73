"""A mention before resolution (``_Cand``) and the small checks on the text around one
that the matcher makes: gaps inside lists, the words left of a context-only group, "sở"
and "bộ" ending a compound word ("cơ sở", "cán bộ"), a capital after a department,
vagueness that spreads over a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from chidao.extract.agencies.prepared import _Prepared


@dataclass(slots=True)
class _Cand:
    """A mention before resolution; offsets index the prepared text."""

    start: int
    end: int
    name: str
    rule: str
    agency_id: str | None = None
    kind: str = ""  # the agency's kind, for list continuations
    is_group: bool = False
    vague: bool = False
    label: str | None = None
    context: bool = False  # a context-only group phrasing, not yet confirmed
    place: bool = False  # a pattern that names a place other than the registry's province


# the fields of a _Cand after its offsets, as :meth:`_Matcher._resolve` gives them
_CandFields = tuple[str, str, str | None, str, bool, bool, str | None, bool]
_CACHE_SIZE = 20_000  # resolved forms kept per matcher: registry keys x dates seen
_NO_PROVINCE = ("", "cơ quan trung ương")  # kinds that never take a province: groups, ministries

_LIST_GAP = re.compile(r"\s{0,6}(?:[,;&/]\s{0,6})?(?:và\s{1,6})?")
_ITEM_GAP = re.compile(
    r"\s{0,6}(?:[,;&]|và)\s{0,6}(?:(?:các\s{1,6})?(?:quận|huyện|thị\s{1,6}xã)\s{0,6}:?\s{0,6})?"
)
_LEFT_OK = re.compile(
    r"(?:(?:^|[.:;!?\n(\"“”*•+–-])\s*(?:mỗi|từng)?|(?<!\w)(?:giao|yêu\s+cầu|đề\s+nghị|chỉ\s+đạo|nhắc\s+nhở|"
    r"đòi\s+hỏi|phối\s+hợp(?:\s+(?:với|cùng))?|và|gồm|đối\s+với|để)(?:\s+các)?"  # ("các các ngành")
    # a connector opening the sentence: "... giám sát. Đặc biệt các xã tiếp tục phối hợp ..."
    # (not "Đồng thời, địa phương cần ...": the place just named, said again)
    r"|[.;:\n]\s*(?:đặc\s+biệt|riêng|còn|trong\s+đó|ngoài\s+ra)\s*,?)\s*$"
)
_COLON_NEXT = re.compile(r"[^\S\n]{0,4}:")  # "các đơn vị: Y tế, ..." lists only after a colon
_LOCAL_GROUP_END = re.compile(r"ubnd các (?:quận|huyện|thị xã)(?: (?:quận|huyện|thị xã))*$")


# "sở", "bộ" that end a compound word are no body: "cơ sở y tế", "trụ sở", "cán bộ y tế"
_COMPOUNDS = {"sở": ("cơ", "trụ"), "bộ": ("cán", "toàn", "đồng", "nội")}
_COMPOUND_ENDS = frozenset(w[-1] for words in _COMPOUNDS.values() for w in words)


def _in_compound(text: str, start: int) -> bool:
    """True when the word at ``start`` (canonical text) ends a compound with the one before."""
    first = text[start : start + 2]
    if first not in _COMPOUNDS or text[start + 2 : start + 3].isalnum():
        return False
    k = start - 2 if start > 1 and text[start - 1].isspace() else start - 1
    last = text[k] if k >= 0 else " "  # the last character of the word before, mostly
    if not last.isspace() and last not in _COMPOUND_ENDS:
        return False  # the word before ends in a character that no compound ends in
    before = text[max(0, start - 8) : start].split()
    return bool(before) and before[-1] in _COMPOUNDS[first]


def _capital_next(prep: _Prepared, end: int) -> bool:
    """False when no department can follow ``end`` in a list ("Sở Y tế, Tài chính"): the
    first word after the spaces (connectors count as spaces) is not capitalised."""
    ahead = prep.match[end : end + 13]
    rest = ahead.lstrip()
    if rest[:1] == ";":
        return True  # ";" is a separator too: leave it to the expression
    at = end + len(ahead) - len(rest)
    return bool(rest) and at > end and prep.cased[at].isupper()


def _may_start_list(c: _Cand) -> bool:
    """False when :meth:`_Matcher._list_kind` surely finds no list after ``c``."""
    if c.kind in ("sở", "UBND cấp huyện"):
        return True
    return not c.vague and c.label in ("sở, ban, ngành", "địa phương", "cơ quan, đơn vị")


def _strip_head_prefix(key: str) -> str:
    """ "các đồng chí phó chủ tịch" → "phó chủ tịch"; the new tone placement."""
    for prefix in ("các ", "đồng chí ", "ông ", "bà "):
        key = key.removeprefix(prefix)
    return key


_OWN_DETERMINER = re.compile(r"(?:\w+\s+){0,2}?các\s")


def _propagate_vague(prep: _Prepared, cands: list[_Cand]) -> None:
    """In "các sở, ngành, địa phương liên quan" the whole list is vague, not just the last;
    but in "các sở, ban, ngành và các đơn vị liên quan" only the last, a phrase of its own."""
    for i in range(len(cands) - 1, 0, -1):
        c, prev = cands[i], cands[i - 1]
        if not c.vague or not prev.is_group or prev.vague:
            continue
        if _OWN_DETERMINER.match(prep.lower, c.start, c.end):
            continue  # (nor "... và Thủ trưởng các cơ quan, đơn vị liên quan": its own "các")
        if prep.lower.startswith(
            ("ubnd cấp", "ủy ban nhân dân cấp", "uỷ ban nhân dân cấp"), prev.start
        ):
            continue  # "phối hợp với UBND cấp xã và sở ngành liên quan": the level is named
        if _LIST_GAP.fullmatch(prep.lower, prev.end, c.start):
            prev.vague, prev.rule = True, "vague"
