"""Segmentation of normalised text into blocks and sentences.

Reads the normalised text (one paragraph, heading or list item per line, see
``normalize``) and assigns each line a role:

- ``header``: the block above the body of an official document (issuing body, quốc hiệu
  and tiêu ngữ, "Số:", "V/v", place and date, "Kính gửi" and its recipients);
- ``heading``: a numbered or plain heading ("1. Tiếp tục ...", "II. NHIỆM VỤ", a news
  headline): short and without closing punctuation;
- ``item``: a numbered or bulleted item (I., 1., 2.1., a), -, +) with its marker;
- ``paragraph``: running text;
- ``footer``: "Nơi nhận", the signature block and anything after them;
- ``noise``: a web page's clutter above the header of the document it shows.

Each body block carries its sentences as (start, end) offsets into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# a Vietnamese capital letter, for character classes ("À-Ỹ" would hold small letters too:
# Latin-1 and Latin Extended Additional interleave the cases)
CAPITALS = "A-ZĐÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ"
# an item counted in words: "Thứ nhất,", "Một là," (``tasks`` reads them in any case)
_RANKS = "nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười"
_NUMBERS = "Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười"
COUNTED_ITEM = rf"(?:Thứ (?:{_RANKS})|(?:{_NUMBERS}) là)"
# an item's number: Thứ nhất, | Một là, | Điều 3. | II. | 2.1. | 2. | 2) | (3) (3). | a) | - + – •
MARKER_PATTERN = (
    rf"(?:{COUNTED_ITEM}[,:]|Điều \d{{1,3}}\.|[IVXLC]{{1,6}}\.|\d{{1,5}}(?:\.\d{{1,3}}){{1,4}}[.)]?"
    r"|\d{1,5}[.)]|\(\d{1,2}\)\.?|[a-zđ]\)|[-+–•])"
)
MARKER = re.compile(r"(?P<marker>" + MARKER_PATTERN + r")\s+")
_HEADER_START = re.compile(
    r"^(?:CỘNG HÒA|CỘNG HOÀ|ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|VĂN PHÒNG|BỘ |SỞ |Số\s*:|THÀNH ỦY|THÀNH UỶ)"
)
# a news headline that opens on the committee: "UBND tỉnh Vĩnh Phúc ban hành Kế hoạch ..."
_HEADLINE = re.compile(r"UBND\s+(?:tỉnh|thành phố|huyện|quận|xã|phường)\s[^\n]{40,}$")
# (a draft or an unsigned copy leaves the day blank: "Lâm Đồng, ngày   tháng 4 năm 2026")
_HEADER_END = re.compile(
    r"^(?:Kính gửi|Căn cứ|Thực hiện)\b|, ngày\s+(?:\d{1,2}\s+)?tháng\s+(?:\d{1,2}\s+)?năm \d{4}"
)
_FOOTER_START = re.compile(
    r"^(?:Nơi nhận\s*:|TM\.\s|KT\.\s|TL\.\s|TUQ\.\s|Q\.\s*CHỦ TỊCH|CHỦ TỊCH$|PHÓ CHỦ TỊCH$)"
)
_TERMINAL = frozenset('.!?;…"”»)')
# abbreviations that end in a full stop without ending the sentence
_ABBREVIATIONS = frozenset(
    ["tp", "tx", "q", "p", "h", "ths", "ts", "pgs", "gs", "bs", "ks", "nxb", "st", "v.v", "tr", "đ"]
)
# A stop (".", "!", "?", "…", then closing quotes) or a closing quote then ".", before space
# and a capital. Written to open on one set of characters, the two kinds told apart by a
# look back at it: ``re`` then skips to the next such character instead of trying the
# pattern at every position (4 times faster over a page than "(?:[.!?…]+...|[\"”»]\.)").
_SENTENCE_END = re.compile(
    r"[.!?…\"”»](?:(?<=[.!?…])[.!?…]*[\"”»)]*|(?<=[\"”»])\.)\s+(?=[\"“«(']?[" + CAPITALS + "0-9])"
)


@dataclass(slots=True)
class Block:
    start: int
    end: int
    role: str  # header | heading | item | paragraph | footer | noise
    marker: str | None = None
    body_start: int = 0  # where the text after the marker begins
    sentences: list[tuple[int, int]] = field(default_factory=list)


def segment(text: str) -> list[Block]:
    """Split normalised text into blocks with roles and sentences, in document order."""
    blocks = [_block(text, start, end) for start, end in _lines(text)]
    if blocks and blocks[-1].role == "heading" and _cut_off(text, blocks[-1]):
        blocks[-1].role = "item" if blocks[-1].marker else "paragraph"
    _mark_header(blocks, text)
    _mark_footer(blocks, text)
    for block in blocks:
        if block.role in ("item", "paragraph", "heading"):
            block.sentences = split_sentences(text, block.body_start, block.end)
    return blocks


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _block(text: str, start: int, end: int) -> Block:
    line = text[start:end]
    m = MARKER.match(line)
    marker = m.group("marker") if m else None
    body_start = start + (m.end() if m else 0)
    body = text[body_start:end]
    if _is_heading(body, marker):
        role = "heading"
    elif marker:
        role = "item"
    else:
        role = "paragraph"
    return Block(start, end, role, marker, body_start)


def _cut_off(text: str, block: Block) -> bool:
    """The last line of a page cut off mid-sentence looks like a heading (no closing
    mark) but runs on like a sentence."""
    return len(text[block.body_start : block.end].split()) >= _CUT_LINE_WORDS


_CUT_LINE_WORDS = 8


def _is_heading(body: str, marker: str | None) -> bool:
    """Short, no closing punctuation, and not a bullet (bullets are items even unpunctuated)."""
    if marker in ("-", "+", "–", "•"):
        return False
    stripped = body.rstrip()
    if not stripped or stripped[-1] in _TERMINAL or stripped.endswith(":"):
        return False
    return len(stripped) <= 160


def _mark_header(blocks: list[Block], text: str) -> None:
    """The header of an official document: from its first line to the "Kính gửi" list.
    A web page may put its clutter (menus, a legal library's table of facts) above the
    header: that is ``noise``, neither header nor body."""
    start = _header_start(blocks, text)
    if start is None:
        return
    end = start + _header_end(blocks[start:], text)
    if not any(_ADDRESS.match(text, b.start, b.end) for b in blocks[:start]):
        for block in blocks[:start]:  # (a PDF may put its header after the body: "Kính gửi"
            block.role = "noise"  # above it is the letter itself, never a page's clutter)
    for block in blocks[start:end]:
        block.role = "header"


_ADDRESS = re.compile(r"\s*Kính gửi\s*:")
_HEADER_SEARCH = 80  # blocks of page clutter that may come before a header
_OFFICIAL = re.compile(
    r"CỘNG\s+HÒA XÃ HỘI|HÒA XÃ HỘI CHỦ NGHĨA|Độc lập\s*[-–]\s*Tự do|Số\s*:\s*\d*/"
)


def _header_start(blocks: list[Block], text: str) -> int | None:
    """Index of the header's first block: the first block when it opens one, else the
    issuer's lines above the first national motto or "Số:" line found near the top."""
    if not blocks:
        return None
    first = text[blocks[0].start : blocks[0].end]
    if _HEADER_START.match(first) and not _HEADLINE.match(first):
        return 0
    for i, block in enumerate(blocks[:_HEADER_SEARCH]):
        if _OFFICIAL.match(text, block.start, block.end) or (
            _HEADER_START.match(text[block.start : block.end])
            and _OFFICIAL.search(text, block.start, blocks[min(i + 3, len(blocks) - 1)].end)
        ):
            start = i
            while start > 0 and i - start < 6 and _header_like(text, blocks[start - 1]):
                start -= 1
            return start
    return None


def _header_like(text: str, block: Block) -> bool:
    """An issuer's line: capitals ("ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH") or a rule."""
    line = text[block.start : block.end].strip(" *_#")
    letters = [c for c in line if c.isalpha()]
    return not letters or all(c.isupper() for c in letters)


def _header_end(blocks: list[Block], text: str) -> int:
    """Index of the first body block: after "Kính gửi" and its recipients, else after the
    place-and-date line and the title under it, else before "Căn cứ"/"Thực hiện"."""
    limit = min(len(blocks), 40)
    end = 0
    for i in range(limit):
        if end and i > end + _SUBJECT_LINES:
            break
        line = text[blocks[i].start : blocks[i].end]
        if end and i > end and not line.startswith("Kính gửi"):
            continue  # "V/v" lines may run on under the date before "Kính gửi"
        if line.startswith("Kính gửi"):
            j = i + 1
            while j < limit and blocks[j].marker in ("-", "+", "–", "•"):
                j += 1
            return j
        if line.startswith(("Căn cứ", "Thực hiện")) and (not end or i >= end):
            return i  # (a title under the date may itself start "Thực hiện ...")
        if not end and len(line) < _HEADER_LINE_MAX and _HEADER_END.search(line):
            end = i + 1  # a title may follow the date (KẾ HOẠCH / Triển khai ...)
            while end < limit and blocks[end].role == "heading":
                end += 1
    return end


_SUBJECT_LINES = 4  # lines of a "V/v" subject that may stand between the date and "Kính gửi"
_HEADER_LINE_MAX = 200  # a longer line holds more than the dateline: a text flattened to one line


def _mark_footer(blocks: list[Block], text: str) -> None:
    """From "Nơi nhận" or the signature to the end, except an annex after it: a plan,
    rules or task table "kèm theo" the document starts a body of its own."""
    footer = False
    for i, block in enumerate(blocks):
        line = text[block.start : block.end]
        if footer and _ANNEX_START.match(line) and _annex_follows(blocks, text, i):
            footer = False
        elif not footer and block.role != "header" and _FOOTER_START.match(line):
            footer = True
        if footer:
            block.role = "footer"


# the title of an annexed document, in capitals ("KẾ HOẠCH", "PHỤ LỤC I", "QUY CHẾ")
_ANNEX_START = re.compile(
    r"^\s*(?:PHỤ LỤC|KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN|DANH MỤC|BẢNG)"
    r"(?:\s+[IVX\d]+)?\s*[:.]?\s*$|^\s*\((?:Ban hành )?[Kk]èm theo "
)


def _annex_follows(blocks: list[Block], text: str, i: int) -> bool:
    """A title is an annex's when "kèm theo" stands within the next few lines."""
    near = blocks[i : i + 6]
    return any("kèm theo" in text[b.start : b.end].lower() for b in near)


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as offsets; an abbreviation's stop does not split."""
    out = []
    cur = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if _ends_in_abbreviation(text, cur, m.start()):
            continue
        out.append((cur, m.end() - len(m.group()) + len(m.group().rstrip())))
        cur = m.end()
    if cur < end:
        out.append((cur, end))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _ends_in_abbreviation(text: str, start: int, stop: int) -> bool:
    word_start = stop
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:stop].lower().strip('("“')
    return word in _ABBREVIATIONS
