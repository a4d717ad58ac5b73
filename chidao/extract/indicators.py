"""Indicators (chỉ tiêu): numeric targets proposed from directive text for a person to review.

Reads normalised text; returns :class:`IndicatorProposal` objects, one per number that
carries a unit ("30%", "2,92%", "1.500 tỷ đồng", "50 km", "1,5 triệu lượt khách"). The
unit is what makes a number a target: a date ("ngày 15/12"), a document number
("1234/QĐ-UBND"), an article ("Điều 3") or a time limit ("15 ngày") has none here and is
never proposed. A figure in a narrative report ("khoảng 30%") is proposed all the same:
the reviewer decides.

For each number, in its clause (a sentence cut at ", " and ";", so "2,92" stays whole):

- ``value``: Vietnamese notation, "." groups thousands and "," marks decimals ("2,92" →
  2.92, "1.500" → 1500, "1.500,5" → 1500.5); a dot not followed by exactly three digits is
  a decimal point ("2.92"). A scale word before a currency stays in the unit ("1.500 tỷ
  đồng" → 1500 "tỷ đồng"); before anything else it multiplies ("1,5 triệu lượt khách"
  → 1500000 "lượt khách"). Whole values carry no decimal places.
- ``direction``: ``at_most`` after "dưới", "không quá", "tối đa", "không vượt quá",
  "thấp hơn", "xuống (dưới|còn)", "giảm còn", or before "trở xuống"; otherwise
  ``at_least`` ("tối thiểu", "trên", "không dưới", "trở lên", "phấn đấu đạt", plain "đạt").
- ``name``: the words before the number, stripped of the verbs and qualifiers around it
  ("tăng trưởng GRDP đạt 2,92%" → "tăng trưởng GRDP"); when those are only verbs
  ("hoàn thành chỉ tiêu 30% dịch vụ công …", "phấn đấu 100% xã …"), the noun phrase after
  the unit. For units that count or measure things, a noun phrase after the unit is
  joined on ("xây dựng 50 km đường giao thông" → "xây dựng đường giao thông"), with the
  unit itself when it names the things counted ("thu hút 1,5 triệu lượt khách du lịch" →
  "thu hút lượt khách du lịch"). A change
  ("giảm 10%") is named as such: "chi phí logistics (mức giảm)". No name, no proposal.
- ``period``: "giai đoạn 2021-2025", "quý II/2026", "tháng 6/2026", "6 tháng đầu năm
  2026" or "năm 2020" in the clause, else in the sentence; ``year`` is its (last) year,
  else ``default_year``.
- ``agency``: the first registry body (not a group, not a vague phrase) named in the
  sentence.

Offsets (``start``/``end`` of the indicator phrase, ``sentence_start``/``sentence_end``)
index the text exactly as given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from chidao.extract.agencies import Registry
from chidao.extract.segment import split_sentences

__all__ = ["AT_LEAST", "AT_MOST", "IndicatorProposal", "find_indicators", "parse_number"]

AT_LEAST = "at_least"
AT_MOST = "at_most"


@dataclass(frozen=True, slots=True)
class IndicatorProposal:
    """One proposed indicator: what, how much, which way, when, who, and where in the text."""

    name: str
    value: Decimal
    unit: str
    direction: str  # AT_LEAST | AT_MOST
    period: str  # as written ("năm 2020", "quý II/2026"), "" when not stated
    year: int | None
    agency: str | None  # registry name of the body named in the sentence
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    rule: str


# --- numbers and units -------------------------------------------------------------------------

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_SCALE = {"nghìn": 1000, "ngàn": 1000, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}
_CURRENCY = r"đồng|USD|đô la Mỹ|đô la"
_COUNT_UNITS = (
    "hộ gia đình|hộ nghèo|hộ|người|lao động|doanh nghiệp|hợp tác xã|xã|phường|thôn|"
    "trường học|trường|lớp học|học sinh|sinh viên|bác sĩ|giường bệnh|lượt khách|lượt người|"
    "lượt|du khách|khách|căn hộ|căn nhà|căn|ngôi nhà|nhà|công trình|dự án|cơ sở|thuê bao|"
    "sản phẩm OCOP|sản phẩm|thủ tục hành chính|thủ tục|hồ sơ|cụm công nghiệp|"
    "khu công nghiệp|việc làm|chỗ làm việc|trạm|tuyến|điểm|chiếc|xe|cây xanh|cây"
)
_COUNTED = frozenset(_COUNT_UNITS.lower().split("|"))
_MEASURE_UNITS = r"km2|km²|km|ha|héc-ta|hecta|m2|m²|m3|m³|tấn|MW|kWh|lít"
_UNIT = (
    r"(?P<unit>%|phần trăm|"
    r"(?P<money>(?:(?:nghìn|ngàn|triệu|tỷ|tỉ)\s+){0,2}(?:" + _CURRENCY + r"))|"
    r"(?:(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)\s+)?"
    r"(?P<thing>" + _MEASURE_UNITS + "|" + _COUNT_UNITS + r"))(?!\w)"
)
_FIGURE = re.compile(
    r"(?<![\w/.,\-–])(?P<number>" + _NUMBER + r")(?![\w/]|[.,]\d)\s*" + _UNIT, re.IGNORECASE
)


def parse_number(written: str) -> Decimal | None:
    """A number as written in Vietnamese ("2,92", "1.500", "1.500,5", "2.92") or None."""
    s = written.strip()
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _unit_of(m: re.Match[str]) -> tuple[str, int]:
    """The unit as shown and the multiplier to apply to the number."""
    if m.group("money"):
        return " ".join(m.group("money").split()), 1
    if m.group("unit").lower() in {"%", "phần trăm"}:
        return "%", 1
    scale = m.group("scale")
    return " ".join(m.group("thing").split()), _SCALE[scale.lower()] if scale else 1


# --- words around the number -------------------------------------------------------------------

_W = r"(?!\w)"
_AT_MOST_BEFORE = re.compile(
    r"(?:(?<!không )dưới|không quá|không vượt quá|tối đa|thấp hơn|xuống còn|giảm còn|"
    r"xuống(?: mức)?(?: dưới)?|còn(?: dưới)?|ở mức dưới)\s*$",
    re.IGNORECASE,
)
_AT_MOST_AFTER = re.compile(r"\s*trở xuống" + _W, re.IGNORECASE)  # used with .match
_CHANGE_BEFORE = re.compile(
    r"(?<!\w)(?P<verb>tăng(?! trưởng| cường)|giảm)(?:\s+(?:thêm|ít nhất|tối thiểu|khoảng|"
    r"bình quân|trên))*\s*$",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s|^)(?:đạt|đạt mức|ở mức|mức|lên|lên mức|xuống|còn|dưới|trên|tối thiểu|tối đa|"
    r"ít nhất|không dưới|không quá|không vượt quá|không thấp hơn|thấp hơn|cao hơn|khoảng|"
    r"là|bằng|tăng|giảm|phấn đấu|chỉ tiêu|bình quân|cho|được|hơn|từ|với|tới|đến|thêm|"
    r"tỷ lệ|có|gần|hoàn thành|đạt tỷ lệ|trong đó|bảo đảm|đảm bảo|duy trì|nâng)\s*$",
    re.IGNORECASE,
)
_LEADING = re.compile(  # used with .match on a slice
    r"\s*(?:và|hoặc|,|-|–|:|phấn đấu|hoàn thành|chỉ tiêu|mục tiêu|bảo đảm|đảm bảo|tiếp tục|"
    r"chủ trì|phối hợp|có trách nhiệm|khẩn trương|thực hiện|để|đồng thời|trong đó|cụ thể|"
    r"nâng|duy trì|đạt|có|tổ chức|triển khai|chỉ đạo|giao|yêu cầu|đề nghị|"
    r"tăng(?! trưởng| cường)|giảm|"
    r"(?:trong|đến|vào|cuối|đến hết|đến cuối)?\s*năm \d{4}|giai đoạn \d{4}\s*[-–]\s*\d{4}|"
    r"quý [IV]{1,3}(?:/\d{4})?|tháng \d{1,2}(?:/\d{4})?)(?!\w)\s*",
    re.IGNORECASE,
)
_AFTER_STOP = re.compile(
    r"\s(?:trong|vào|đến|trước|sau|năm|giai đoạn|so với|trở lên|trở xuống|cao hơn|thấp hơn|"
    r"bằng|là|tương đương|vượt|góp phần|để|theo|tại|của kế hoạch|kế hoạch|dự toán|"
    r"trên địa bàn|và|hoặc|với)(?!\w)|[,;.:()“”\"]|\s[-–]\s",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(  # used with .match
    r"(?:so với|trở lên|trở xuống|trong|vào|đến|trước|năm|kế hoạch|dự toán|cùng kỳ|"
    r"cao hơn|thấp hơn|bằng|là|tương đương|vượt|góp phần|để|theo|tại|trên|dưới|và)(?!\w)",
    re.IGNORECASE,
)
_MAX_NAME_WORDS = 14

_PERIODS = (
    ("span", re.compile(r"(?:giai đoạn|thời kỳ)\s+\d{4}\s*[-–]\s*(\d{4})", re.IGNORECASE)),
    ("quarter", re.compile(r"quý\s+(?:[IV]{1,3}|[1-4])\s*(?:/|năm\s+)(\d{4})", re.IGNORECASE)),
    ("half", re.compile(r"(?:6|sáu|9|chín) tháng (?:đầu|cuối) năm(?:\s+(\d{4}))?", re.IGNORECASE)),
    ("month", re.compile(r"tháng\s+(?:1[0-2]|0?[1-9])\s*(?:/|năm\s+)(\d{4})", re.IGNORECASE)),
    (
        "year",
        re.compile(r"(?:(?:trong|đến hết|đến cuối|đến|vào|cuối)\s+)?năm\s+(\d{4})", re.IGNORECASE),
    ),
)


def _period(text: str) -> tuple[str, int | None] | None:
    """The first period named in ``text``, as written, with its (last) year."""
    found = []
    for _kind, rx in _PERIODS:
        m = rx.search(text)
        if m:
            found.append(m)
    if not found:
        return None
    m = min(found, key=lambda x: (x.start(), -x.end()))
    year = int(m.group(1)) if m.group(1) else None
    return m.group().strip(), year


# --- clauses -----------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r",\s|;|:\s|\(|\)")


def _clause_bounds(text: str, s_start: int, s_end: int, pos: int) -> tuple[int, int]:
    """The clause of sentence ``[s_start, s_end)`` that holds offset ``pos``."""
    start, end = s_start, s_end
    for m in _CLAUSE_BREAK.finditer(text, s_start, s_end):
        if m.end() <= pos:
            start = m.end()
        elif m.start() >= pos:
            end = m.start()
            break
    return start, end


def _strip_name(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past leading fillers and trailing verbs and qualifiers."""
    piece = text[start:end]
    lo, hi = 0, len(piece)
    changed = True
    while changed and lo < hi:
        changed = False
        m = _LEADING.match(piece, lo, hi)
        if m and m.end() > lo:
            lo, changed = m.end(), True
        m = _TRAILING.search(piece[lo:hi])
        if m and lo + m.start() < hi:
            hi, changed = lo + m.start(), True
    while lo < hi and not piece[lo].isalnum():
        lo += 1
    while hi > lo and not piece[hi - 1].isalnum() and piece[hi - 1] != "%":
        hi -= 1
    return start + lo, start + hi


def _after_name(text: str, start: int, clause_end: int) -> tuple[int, int]:
    """The noun phrase right after the unit, or an empty span at ``start``."""
    while start < clause_end and text[start] == " ":
        start += 1
    if _NOT_A_NAME.match(text, start, clause_end):
        return start, start
    stop = _AFTER_STOP.search(text, start, clause_end)
    end = stop.start() if stop else clause_end
    words = text[start:end].split()
    if len(words) > _MAX_NAME_WORDS:
        return start, start
    return _strip_name(text, start, end)


def _substantive(text: str, start: int, end: int) -> bool:
    return any(len(w) > 1 for w in text[start:end].split())


# --- the finder --------------------------------------------------------------------------------


def find_indicators(text: str, *, default_year: int | None = None) -> list[IndicatorProposal]:
    """Every numeric target with a unit in ``text`` (see the module docstring), in order."""
    registry = Registry.load()
    out: list[IndicatorProposal] = []
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if not _FIGURE.search(line):
            continue
        for s_start, s_end in split_sentences(text, line_start, line_start + len(line)):
            out.extend(_in_sentence(text, s_start, s_end, registry, default_year))
    return out


def _agency(registry: Registry, sentence: str) -> str | None:
    for mention in registry.find(sentence):
        if mention.agency_id and not mention.is_group and not mention.vague:
            return mention.name
    return None


def _in_sentence(
    text: str, s_start: int, s_end: int, registry: Registry, default_year: int | None
) -> list[IndicatorProposal]:
    out = []
    agency: str | None = None
    agency_known = False
    sentence_period = _period(text[s_start:s_end])
    mentions = [(m.start + s_start, m.end + s_start) for m in registry.find(text[s_start:s_end])]
    previous_end = s_start
    for m in _FIGURE.finditer(text, s_start, s_end):
        proposal = _proposal(text, m, s_start, s_end, previous_end, mentions)
        previous_end = m.end()
        if proposal is None:
            continue
        name, value, unit, direction, start, end, rule = proposal
        c_start, c_end = _clause_bounds(text, s_start, s_end, m.start())
        period = _period(text[c_start:c_end]) or sentence_period
        if not agency_known:
            agency, agency_known = _agency(registry, text[s_start:s_end]), True
        out.append(
            IndicatorProposal(
                name=name,
                value=value,
                unit=unit,
                direction=direction,
                period=period[0] if period else "",
                year=(period[1] if period and period[1] else default_year),
                agency=agency,
                start=start,
                end=end,
                sentence_start=s_start,
                sentence_end=s_end,
                rule=rule,
            )
        )
    return out


def _proposal(
    text: str,
    m: re.Match[str],
    s_start: int,
    s_end: int,
    previous_end: int,
    mentions: list[tuple[int, int]],
) -> tuple[str, Decimal, str, str, int, int, str] | None:
    number = parse_number(m.group("number"))
    if number is None:
        return None
    unit, scale = _unit_of(m)
    c_start, c_end = _clause_bounds(text, s_start, s_end, m.start())
    left = max(c_start, previous_end)
    for a_start, a_end in mentions:  # an agency named before the figure is not its name
        if left <= a_start and a_end <= m.start():
            left = a_end
    before = text[left : m.start()]
    direction = AT_LEAST
    if _AT_MOST_BEFORE.search(before) or _AT_MOST_AFTER.match(text, m.end(), c_end):
        direction = AT_MOST
    change = _CHANGE_BEFORE.search(before)
    b_start, b_end = _strip_name(text, left, m.start())
    a_start, a_end = _after_name(text, m.end(), c_end)
    has_before = _substantive(text, b_start, b_end)
    has_after = _substantive(text, a_start, a_end)
    counted = unit != "%" and not m.group("money")
    if has_before and has_after and counted:
        thing = f" {unit}" if m.group("thing").lower() in _COUNTED else ""
        name = f"{text[b_start:b_end]}{thing} {text[a_start:a_end]}"
        start, end, rule = b_start, a_end, "before+after"
    elif has_before:
        name, start, end, rule = text[b_start:b_end], b_start, m.end(), "before"
    elif has_after:
        name, start, end, rule = text[a_start:a_end], m.start(), a_end, "after"
    else:
        return None
    if change and direction == AT_LEAST and rule != "after":
        name += " (mức giảm)" if change.group("verb").lower() == "giảm" else " (mức tăng)"
    name = " ".join(name.split())
    value = number * scale
    if value == value.to_integral_value():
        value = value.quantize(Decimal(1))
    return name, value, unit, direction, start, end, "indicator." + rule
