"""Numbered document references: "Nghị quyết số 75/NQ-CP ngày 14/7/2021 của Chính phủ".

``find_references(text, doc_date=...)`` returns one :class:`~chidao.extract.model.Reference`
per occurrence of a document number, sorted by ``start`` (the caller deduplicates). It is
pure and never raises on a string.

Number forms (``number`` is the text as written, whitespace removed, en/em dash -> "-",
case kept):

- ``reference:number-code``: "75/NQ-CP", "3983/UBND-TKTH", "14/CTr-UBND", "1234/QĐ-UBND";
- ``reference:number-year-code``: "15/2020/QĐ-TTg", "30/2020/NĐ-CP", "45/2019/QH14";
- ``reference:party``: "08-QC/TW", "35-NQ/TW", "12-CTr/TU".

A code is made of segments that start with capitals (Vietnamese Đ Ă Â Ê Ô Ơ Ư included)
and may end with up to two lower-case letters and digits ("TTg", "CTr", "QĐi", "QH14",
"BCĐ389"), or go on in capitals after them ("TTrS"). A one-segment code ("123/UBND", "45/2019/QH14") needs a known code, digits, a
year part or a document word before it, so "26.750 đồng/USD" is not a reference; neither
are "USD/VNĐ", "2021-2022", "24/7", "14/7/2021", "F0", "2,92%", "COVID-19", "km/h",
"m2/người", phone numbers, nor anything inside a URL.

``kind``: from the document word just before ("Nghị quyết số", "Nghị quyết", "Luật Đầu tư
số", "Thông báo kết luận số" -> "Thông báo", "Chương trình hành động số" -> "Chương
trình"; the generic "Văn bản số" defers to the code; after a gap of words the code's type
segment, when it has one, wins), else from the code's type segment
(NQ, QĐ, CT, TB, KH, CTr, TT, NĐ, CĐ, BC, TTr, KL, QC, QĐi, HD, ĐA, ...); a code that starts
with an issuer ("UBND-KT", "TTg-KGVX") is a "Công văn"; "45/2019/QH14" is a "Luật".

``date``: "ngày 14/7/2021", "ngày 29-5-2020", "ngày 16 tháng 8 năm 2021" right after the
number (a missing year comes from the number's year part, else ``doc_date``).

``issuer``: "của Chính phủ", "của Thủ tướng Chính phủ", "của UBND Thành phố", "của Chủ
tịch UBND thành phố", "của Bộ Chính trị", "của HĐND Thành phố", "của Bộ Tài chính" ...
after the number (and its date), in canonical form ("Ủy ban nhân dân Thành phố"); else
inferred from the code (CP -> Chính phủ, TTg -> Thủ tướng Chính phủ, TW -> Ban Chấp hành
Trung ương, HĐND -> Hội đồng nhân dân, UBND -> Ủy ban nhân dân, BTC -> Bộ Tài chính,
QH -> Quốc hội, ...).

``start``/``end`` cover the whole citation: from the document word (when found) to the end
of the number, date or issuer, whichever is last.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from chidao.extract.dates import parse_date_phrase
from chidao.extract.model import Reference

__all__ = ["find_references", "is_reference_number"]

# --------------------------------------------------------------------------------------
# The number
# --------------------------------------------------------------------------------------

_UPPER = "A-ZĐĂÂÊÔƠƯ"
_LOWER = "a-zđăâêôơư"
# "NQ", "TTg", "QH14", "CCHC&VTLT"
# (capitals after the small letters too: "594/SXD-TTrS", the inspectorate of a Sở)
_SEGMENT = (
    rf"[{_UPPER}]{{1,14}}(?:[{_LOWER}]{{1,2}}[{_UPPER}]{{1,4}})?[{_LOWER}]{{0,2}}\d{{0,4}}"
    rf"(?:&[{_UPPER}]{{1,10}})?"
)
_DASH = r" ?[-–—] ?"
_CODE_END = r"(?!\w|/\w)"
# A number starts on a digit not preceded by a word character or by ". , / -" (so not
# inside "26.750", "m2/", "COVID-19"); the look-behind comes after the first digit so that
# ``re`` can skip to digits quickly.
_NUMBER = r"(?P<num>\d(?<![\w./,\-–—]\d)\d{0,4}[a-d]?)"  # ("1303a/UBND-NNTNMT")
_SLASH_FORM = (
    rf" ?/ ?(?:(?P<year>(?:19|20)\d\d) ?/ ?)?(?P<code>{_SEGMENT}(?:{_DASH}{_SEGMENT}){{0,3}}"
    r"(?:\.[IVX]{1,4}(?![\w.]))?)" + _CODE_END  # (a department by its numeral: "8601/VPCP-V.I")
)
_PARTY_FORM = (
    rf"{_DASH}(?P<ptype>[{_UPPER}]{{1,5}}[{_LOWER}]{{0,2}}) ?/ ?"
    rf"(?P<piss>{_SEGMENT}(?:{_DASH}{_SEGMENT}){{0,2}})" + _CODE_END
)
_REFERENCE = re.compile(rf"{_NUMBER}(?:{_SLASH_FORM}|{_PARTY_FORM})")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'()]+", re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"[-–—]")  # between a code's segments

# --------------------------------------------------------------------------------------
# Codes
# --------------------------------------------------------------------------------------

_TYPE_CODES = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "TB": "Thông báo",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "TT": "Thông tư",
    "NĐ": "Nghị định",
    "CĐ": "Công điện",
    "BC": "Báo cáo",
    "TTr": "Tờ trình",
    "KL": "Kết luận",
    "QC": "Quy chế",
    "QĐi": "Quy định",
    "QyĐ": "Quy định",
    "HD": "Hướng dẫn",
    "ĐA": "Đề án",
    "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch",
    "CV": "Công văn",
    "GM": "Giấy mời",
    "VBHN": "Văn bản hợp nhất",
}
_ISSUER_CODES = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "TW": "Ban Chấp hành Trung ương",
    "TU": "Thành ủy",
    "HĐND": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "BCĐ": "Ban Chỉ đạo",
    "BTC": "Bộ Tài chính",
    "BYT": "Bộ Y tế",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BCT": "Bộ Công Thương",
    "BNV": "Bộ Nội vụ",
    "BTP": "Bộ Tư pháp",
    "BXD": "Bộ Xây dựng",
    "BGTVT": "Bộ Giao thông vận tải",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch",
    "BCA": "Bộ Công an",
    "BQP": "Bộ Quốc phòng",
    "BNG": "Bộ Ngoại giao",
    "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "TANDTC": "Tòa án nhân dân tối cao",
    "VKSNDTC": "Viện kiểm sát nhân dân tối cao",
    "KTNN": "Kiểm toán nhà nước",
}
_TRAILING_DIGITS = re.compile(r"\d+\Z")


def _base(segment: str) -> str:
    """A code segment without its trailing digits ("QH14" -> "QH")."""
    return _TRAILING_DIGITS.sub("", segment)


@dataclass(frozen=True, slots=True)
class _Code:
    """What the code part says: the document type and issuer, when it says them."""

    kind: str | None
    issuer: str | None
    known: bool  # whether any segment is a known type or issuer code
    typed: bool = False  # whether the kind comes from a type segment ("NQ", "QĐ", "KL")


def _read_code(segments: list[str], has_year: bool) -> _Code:
    """Type and issuer of a slash-form code ("NQ-CP", "UBND-KT", "QH14")."""
    first = _base(segments[0])
    if first in _TYPE_CODES:
        issuer = _ISSUER_CODES.get(_base(segments[1])) if len(segments) > 1 else None
        return _Code(_TYPE_CODES[first], issuer, known=True, typed=True)
    issuer = _ISSUER_CODES.get(first)
    if first == "QH" and len(segments) == 1:
        return _Code("Luật" if has_year else None, issuer, True)
    return _Code("Công văn", issuer, issuer is not None)


# --------------------------------------------------------------------------------------
# The words around the number
# --------------------------------------------------------------------------------------

_KIND_WORDS: tuple[tuple[str, str | None], ...] = (
    (r"chương\s+trình\s+hành\s+động", "Chương trình"),
    (r"chương\s+trình", "Chương trình"),
    (r"thông\s+báo\s+kết\s+luận", "Thông báo"),
    (r"thông\s+báo", "Thông báo"),
    (r"nghị\s+quyết\s+liên\s+tịch", "Nghị quyết liên tịch"),
    (r"nghị\s+quyết", "Nghị quyết"),
    (r"quyết\s+định", "Quyết định"),
    (r"công\s+văn", "Công văn"),
    (r"văn\s+bản\s+hợp\s+nhất", "Văn bản hợp nhất"),
    (r"văn\s+bản", None),  # generic: the code decides
    (r"chỉ\s+thị", "Chỉ thị"),
    (r"kế\s+hoạch", "Kế hoạch"),
    (r"thông\s+tư\s+liên\s+tịch", "Thông tư liên tịch"),
    (r"thông\s+tư", "Thông tư"),
    (r"nghị\s+định", "Nghị định"),
    (r"bộ\s+luật", "Bộ luật"),
    (r"luật", "Luật"),
    (r"pháp\s+lệnh", "Pháp lệnh"),
    (r"công\s+điện", "Công điện"),
    (r"báo\s+cáo", "Báo cáo"),
    (r"tờ\s+trình", "Tờ trình"),
    (r"kết\s+luận", "Kết luận"),
    (r"quy\s+định", "Quy định"),
    (r"quy\s+chế", "Quy chế"),
    (r"hướng\s+dẫn", "Hướng dẫn"),
    (r"đề\s+án", "Đề án"),
    (r"giấy\s+mời", "Giấy mời"),
)
# Lower-case and without groups, so that ``re`` can jump between first letters; the words
# are told apart afterwards by their text.
_KIND_RE = re.compile("(?:" + "|".join(p for p, _ in _KIND_WORDS) + r")(?!\w)")
_KIND_OF = {p.replace(r"\s+", " "): kind for p, kind in _KIND_WORDS}
_LOOK_BACK = 100  # characters searched for the document word
# Between the document word and the number: "số", a colon, or a few words then "số"
# ("Luật Đầu tư số", "Quyết định của Thủ tướng Chính phủ số").
_DIRECT_TAIL = re.compile(r"(?:\s+(?:số|sô))?(?:\s*:)?\s*")
_GAP_TAIL = re.compile(r"(?:\s+[^\s\d/]+){1,8}?\s+(?:số|sô)(?:\s*:)?\s*")

_AFTER_DATE = re.compile(
    r"(?:\s*,\s*|\s+)(?:(?:được\s+)?(?:ký|ban\s+hành)\s+)?(?:vào\s+)?ngày\s+"
    r"(?P<phrase>\d{1,2} ?[/.-] ?\d{1,2}(?: ?[/.-] ?\d{4})?(?!\d)"
    r"|\d{1,2}\s+tháng\s+\d{1,2}(?:(?:\s*,\s*|\s+)năm\s+\d{4})?)",
    re.IGNORECASE,
)

# "của Hội đồng nhân dân (HĐND) Thành phố": an abbreviation in brackets may come between.
_CITY = r"(?:\s*\(\w{1,10}\))?(?:\s+(?P<city>thành\s+phố|tp\.?))?"
_UY = r"(?:ủy|uỷ)"  # both spellings of "ủy"
_UBND = rf"(?:ubnd|{_UY}\s+ban\s+nhân\s+dân)"
_MINISTRIES = (
    "Tài chính",
    "Y tế",
    "Kế hoạch và Đầu tư",
    "Giáo dục và Đào tạo",
    "Công Thương",
    "Nội vụ",
    "Tư pháp",
    "Xây dựng",
    "Giao thông vận tải",
    "Lao động - Thương binh và Xã hội",
    "Tài nguyên và Môi trường",
    "Nông nghiệp và Phát triển nông thôn",
    "Thông tin và Truyền thông",
    "Khoa học và Công nghệ",
    "Văn hóa, Thể thao và Du lịch",
    "Công an",
    "Quốc phòng",
    "Ngoại giao",
)
_ISSUER_WORDS: tuple[tuple[str, str], ...] = (
    (r"thủ\s+tướng(?:\s+chính\s+phủ)?", "Thủ tướng Chính phủ"),
    (r"văn\s+phòng\s+chính\s+phủ", "Văn phòng Chính phủ"),
    (r"chính\s+phủ", "Chính phủ"),
    (rf"chủ\s+tịch\s+{_UBND}", "Chủ tịch Ủy ban nhân dân"),
    (_UBND, "Ủy ban nhân dân"),
    (r"(?:hđnd|hội\s+đồng\s+nhân\s+dân)", "Hội đồng nhân dân"),
    (rf"ban\s+thường\s+vụ\s+thành\s+{_UY}", "Ban Thường vụ Thành ủy"),
    (rf"thành\s+{_UY}", "Thành ủy"),
    (r"bộ\s+chính\s+trị", "Bộ Chính trị"),
    (r"ban\s+bí\s+thư", "Ban Bí thư"),
    (r"ban\s+chấp\s+hành\s+trung\s+ương(?:\s+đảng)?", "Ban Chấp hành Trung ương"),
    (rf"{_UY}\s+ban\s+thường\s+vụ\s+quốc\s+hội", "Ủy ban Thường vụ Quốc hội"),
    (r"quốc\s+hội", "Quốc hội"),
    *((r"bộ\s+" + r"\s+".join(re.escape(w) for w in m.split()), f"Bộ {m}") for m in _MINISTRIES),
)
_TAKES_CITY = frozenset(
    ("Chủ tịch Ủy ban nhân dân", "Ủy ban nhân dân", "Hội đồng nhân dân"),
)
_AFTER_ISSUER = re.compile(
    r"(?:\s*,\s*|\s+)(?:của|do)\s+(?:"
    + "|".join(f"(?P<i{i}>{p})" for i, (p, _) in enumerate(_ISSUER_WORDS))
    + rf"){_CITY}(?!\w)",
    re.IGNORECASE,
)


class _Word(NamedTuple):
    """The document word before a number."""

    kind: str | None  # canonical kind; None for the generic "văn bản"
    start: int
    direct: bool  # nothing but "số" or a colon between the word and the number


def _lower_window(text: str, start: int, end: int) -> str | None:
    """``text[start:end]`` lower-cased, or None if lower-casing would move the offsets."""
    window = text[start:end].lower()
    if len(window) != end - start:
        window = text[start:end].replace("\u0130", "i").lower()
    return window if len(window) == end - start else None


def _word_before(text: str, start: int) -> _Word | None:
    """The document word ("Nghị quyết số", "Luật Đầu tư số") just before ``start``."""
    low = max(0, start - _LOOK_BACK)
    window = _lower_window(text, low, start)
    if window is None:
        return None
    words = [
        m
        for m in _KIND_RE.finditer(window)
        if m.start() == 0 or not window[m.start() - 1].isalnum()
    ]
    if not words:
        return None
    last = words[-1]
    direct = _DIRECT_TAIL.fullmatch(window, last.end()) is not None
    if not direct and _GAP_TAIL.fullmatch(window, last.end()) is None:
        return None
    return _Word(_KIND_OF[" ".join(last.group().split())], low + last.start(), direct)


def _issuer_after(text: str, pos: int) -> tuple[str, int] | None:
    """(canonical issuer, end) for "của Chính phủ" etc. starting at ``pos``."""
    m = _AFTER_ISSUER.match(text, pos)
    if m is None:
        return None
    index = next(i for i in range(len(_ISSUER_WORDS)) if m.group(f"i{i}") is not None)
    name = _ISSUER_WORDS[index][1]
    if m.group("city") is not None and name in _TAKES_CITY:
        name += " Thành phố"
    return name, m.end()


def _date_after(
    text: str, pos: int, year: int | None, doc_date: date | None
) -> tuple[date, int] | None:
    """(date, end) for "ngày 14/7/2021" starting at ``pos``; a missing year is ``year``
    (the number's own), else ``doc_date``'s."""
    m = _AFTER_DATE.match(text, pos)
    if m is None:
        return None
    anchor = date(year, 1, 1) if year is not None else doc_date
    value = parse_date_phrase(m.group("phrase"), doc_date=anchor)
    return None if value is None else (value, m.end())


# --------------------------------------------------------------------------------------
# Putting it together
# --------------------------------------------------------------------------------------


def _number_text(raw: str) -> str:
    return _SPACES.sub("", raw).replace("–", "-").replace("—", "-")


def _code_of(m: re.Match[str]) -> tuple[str, _Code]:
    """(form, what the code says) of a number match."""
    if m.group("code") is not None:
        segments = _DASHES.split(_number_text(m.group("code")))
        has_year = m.group("year") is not None
        form = "reference:number-year-code" if has_year else "reference:number-code"
        return form, _read_code(segments, has_year)
    kind = _TYPE_CODES.get(m.group("ptype"))
    issuer = _ISSUER_CODES.get(_base(_number_text(m.group("piss")).split("-")[0]))
    known = kind is not None or issuer is not None
    return "reference:party", _Code(kind, issuer, known, typed=kind is not None)


def _plausible(m: re.Match[str], code: _Code, has_word: bool) -> bool:
    """Whether a one-segment code ("123/UBND", "45/2019/QH14") is a document number."""
    raw = m.group("code")
    if raw is None or _DASHES.search(raw):
        return True
    return code.known or has_word or m.group("year") is not None or raw[-1].isdigit()


def _reference(text: str, m: re.Match[str], doc_date: date | None) -> Reference | None:
    form, code = _code_of(m)
    word = _word_before(text, m.start())
    if not _plausible(m, code, word is not None):
        return None
    if word is None and _NAMED_BY.search(text, max(0, m.start() - 16), m.start()):
        return None  # "Ban Chỉ đạo 138/CP": a committee named after its decision, no citation
    start, end = (word.start if word else m.start()), m.end()
    year = int(m.group("year")) if m.group("year") else None
    dated = _date_after(text, end, year, doc_date)
    if dated is not None:
        end = dated[1]
    issuer = _issuer_after(text, end)
    return Reference(
        start=start,
        end=issuer[1] if issuer else end,
        number=_number_text(m.group(0)),
        kind=_kind(word, code),
        date=dated[0] if dated else None,
        issuer=issuer[0] if issuer else code.issuer,
        rule=form,
    )


_NAMED_BY = re.compile(r"(?:Ban [Cc]hỉ đạo|Ban Chỉ huy|Tổ công tác)\s+$")


def _kind(word: _Word | None, code: _Code) -> str | None:
    """The word's kind when it stands right before the number or the code has no type
    segment; after a gap of words ("Kế hoạch chuyển đổi số 12/QĐ-UBND") the code wins."""
    if word is None or word.kind is None or (not word.direct and code.typed):
        return code.kind
    return word.kind


def _url_spans(text: str) -> tuple[list[int], list[int]]:
    starts, ends = [], []
    for m in _URL.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def _inside(pos: int, spans: tuple[list[int], list[int]]) -> bool:
    i = bisect.bisect_right(spans[0], pos) - 1
    return i >= 0 and pos < spans[1][i]


def find_references(text: str, *, doc_date: date | None = None) -> list[Reference]:
    """Every numbered document reference in ``text``, one per occurrence, sorted by start.

    ``doc_date`` gives the year of a date written without one ("ngày 14/7"). See the module
    docstring for the forms, kinds and issuers recognised.
    """
    if "/" not in text:  # every form has one
        return []
    has_url = "://" in text or "www." in text or "WWW." in text
    urls = _url_spans(text) if has_url else ([], [])
    found: list[Reference] = []
    for m in _REFERENCE.finditer(text):
        if urls[0] and _inside(m.start(), urls):
            continue
        reference = _reference(text, m, doc_date)
        if reference is not None:
            found.append(reference)
    return found


def is_reference_number(s: str) -> bool:
    """Whether ``s`` (surrounding whitespace ignored) is one document number, e.g.
    "75/NQ-CP", "15/2020/QĐ-TTg", "08-QC/TW", "45/2019/QH14" (not "24/7", "USD/VNĐ")."""
    stripped = s.strip()
    m = _REFERENCE.fullmatch(stripped)
    return m is not None and _plausible(m, _code_of(m)[1], has_word=False)
