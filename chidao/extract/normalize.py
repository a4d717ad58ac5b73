"""Normalisation: one clean text per document, the text all offsets point into.

Reads a reader's text (any format) and returns plain text in NFC with:
- line endings, odd spaces and invisible characters unified;
- "Ủy ban nhân tỉnh", a word dropped in typing, mended to "Ủy ban nhân dân tỉnh"; words a
  web page glued together ("cácsở", "Giaocho", "địa bàn.Các sở") parted;
- markdown and OCR debris mended (``**1.**``, ``### 3.``, ``*Ng*``, ``~~x~~``);
- news clutter kept out of the body ("Có thể bạn quan tâm", "Tin khác", "Xem thêm" and
  everything after them, photo captions, repeated headlines and captions);
- lines broken inside a sentence (soft wraps, a word split across a page break) joined.

Paragraphs are separated by exactly one blank line; every remaining line is a paragraph,
a heading or a list item. Everything is linear in the length of the text: no pattern here
can backtrack over more than one line.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from chidao.extract.segment import CAPITALS, MARKER_PATTERN

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# any of the three above: most text holds none, and one scan then decides it (one set of
# characters, not three alternatives: re then skips ahead to a character of the set)
_ANY_ODD = re.compile(
    f"[{_INVISIBLE.pattern[1:-1]}{_ODD_SPACE.pattern[1:-1]}{_CONTROL.pattern[1:-1]}]"
)

# markdown and OCR marks
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_STRONG = re.compile(r"\*\*|__")
_MD_STRIKE = re.compile(r"~~([^~\n]*)~~")
_MD_LINK = re.compile(r"\[([^\]\n]{1,500})\]\([^)\s]{1,2000}\)")
_OCR_MARK = re.compile(r"\s?\*[A-Za-zÀ-ỹĐđ]{1,3}\*")  # *Ng*, *AB*: scanner/annotator marks
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*([^*\n]{1,300})\*(?![\w*])")
_MD_BULLET = re.compile(r"^\s*[*•●▪◦]\s+")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")

# a whole line that starts the clutter after an online article
_CLUTTER_START = re.compile(
    r"^(có thể bạn quan tâm|tin khác|các tin khác|tin liên quan|bài liên quan|xem thêm|"
    r"nên xem|đọc thêm|tin cùng chuyên mục|tin mới nhất|tin nổi bật|tin đã đưa|"
    r"đánh giá bài viết|phiên bản di động|bình luận|ý kiến bạn đọc|gửi bình luận|"
    r"từ khóa|từ khoá|tags?|chia sẻ|in bài|bài viết liên quan)\s*:?$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"(?:^|[.!?]\s)(?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh)\s*:\s*[^.]{1,80}\.?$"
    r"|\s[-–]\s*Ảnh\s*\d{1,2}\s*\.?$"  # a news site's numbered caption: "... cuối năm 2023 - Ảnh 1."
    # a caption with its credit in brackets: "... tàu thuyền ra khơi (Ảnh minh họa: Minh Châu)."
    r"|^.{0,240}\((?:Ảnh|Ảnh minh họa|Ảnh minh hoạ|Nguồn ảnh)(?:\s*:[^()]{1,80})?\)\s*\.?$"
)
# a portal's footer line: who runs the site, its licence, its contacts (never a directive)
_FOOTER_LINE = re.compile(  # (labels with their colon: "Đơn vị quản lý vận hành ..." is a body)
    r"^(?:(?:Cơ quan chủ quản|Đơn vị quản lý|Chịu trách nhiệm (?:chính|nội dung)|Trưởng [Bb]an "
    r"[Bb]iên tập|Điện thoại Ban [Bb]iên tập)\s*:|Giấy phép (?:số\s*\d+/GP|thiết lập|xuất bản)|"
    r"Bản quyền thuộc|Ghi rõ nguồn|Copyright|©)"
)
_PAGE_NUMBER = re.compile(r"^[-–]?\s*\d{1,4}\s*[-–]?$|^(Trang|Page)\s+\d{1,4}(\s*/\s*\d{1,4})?$")

# an HTML character reference, always with its semicolon (not "Sở KH&ĐT", "NN&PTNT")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});")
_ETH = str.maketrans({"Ð": "Đ", "ð": "đ"})
_ENTITY_PROBE = 20_000  # characters looked at to decide a text is escaped (or marked up)
_TAG = re.compile(
    r"</?(p|span|div|strong|b|i|em|u|br|li|ul|ol|h[1-6]|table|tbody|thead|tr|td|th|a|font|sup"
    r"|sub|img|section|article|header|footer|nav|figure|figcaption)(?:\s[^<>]{0,400})?/?>",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 table tr section article header footer nav figure".split()
)
_TAGS_MIN = 3  # tags there that make it so
_SCRIPT = re.compile(r"<(script|style)\b[^>]{0,400}>.{0,20000}?</\1\s*>", re.IGNORECASE | re.DOTALL)
_CELL_TAGS = frozenset(["td", "th"])


def _tag_to_text(m: re.Match[str]) -> str:
    """A block's tag is a line break, a table cell's end the cell mark " | " (the rows the
    reader of tables reads), any other tag nothing."""
    name = m.group(1).lower()
    if name in _BLOCK_TAGS:
        return "\n"
    return " | " if name in _CELL_TAGS and m.group().startswith("</") else ""


_ENTITIES_MIN = 3  # references there that make it so
_TERMINAL = frozenset('.!?:;…"”»)')
_LIST_MARKER = re.compile("^" + MARKER_PATTERN + r"\s")


def normalize(text: str) -> str:
    """Return the normalised text of a document (see the module docstring)."""
    if "<" in text and len(_TAG.findall(text, 0, _ENTITY_PROBE)) >= _TAGS_MIN:
        # a page whose text kept its markup: "<p style=...><span ...>Các Sở, ban ngành ..."
        text = _TAG.sub(_tag_to_text, _SCRIPT.sub("", text))
    if "&" in text and len(_ENTITY.findall(text, 0, _ENTITY_PROBE)) >= _ENTITIES_MIN:
        # a page saved with its HTML escapes: "C&aacute;c Sở, ban ng&agrave;nh ..."
        text = _ENTITY.sub(lambda m: html.unescape(m.group()), text)
    text = unicodedata.normalize("NFC", text)
    if "Ð" in text or "ð" in text:  # the Icelandic eth a page typed for "Đ": "Ðiện Biên"
        text = text.translate(_ETH)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    if _ANY_ODD.search(text):
        text = _INVISIBLE.sub("", text)
        text = _CONTROL.sub(" ", text)
        text = _ODD_SPACE.sub(" ", text)
    if "ban nhân " in text:  # (a plain substring search first: most texts never drop it)
        text = _MISSING_DAN.sub(r"\1 dân", text)
    if "các" in text:
        text = _GLUED_CAC.sub("các ", text)
    if "iaocho" in text:  # "Điều 2. Giaocho Sở Xây dựng chủ trì ..."
        text = _GLUED_GIAO.sub(r"\1 cho", text)
    for glued in _GLUED_ROLE:  # "Môi trườngchủ trì", "trướcngày 20/11"
        if glued.search(text):
            text = glued.sub(r" \g<0>", text)
    text = _GLUED_STOP.sub(". ", text)
    for glued in _GLUED_HEAD:
        text = glued.sub(r" \g<0>", text)
    text = _split_glued_syllables(text)
    if "ngày\n" in text:  # "Vĩnh Long, ngày" + "30 tháng 3 năm 2015": the dateline a page broke
        text = _BROKEN_DATELINE.sub(r"\1 ", text)
    if "Nơi nhận" in text:  # a text flattened to one line: its footer starts a paragraph
        text = _INLINE_FOOTER.sub(r"\1\n\n", text)
    if "  " in text or _NEEDS_CLEANING.search(text):
        lines = [_clean_line(line) for line in _join_bold_runs(text.split("\n"))]
    else:  # plain text (most input): nothing to mend line by line
        lines = [line.strip() for line in text.split("\n")]
    lines = _tables_to_lines(_vertical_tables(lines))
    lines = _drop_clutter(lines)
    return _join_broken_lines(lines)


# "Ủy ban nhân tỉnh Lai Châu", "... trực thuộc Ủy ban nhân Thành phố": a word dropped in typing
_MISSING_DAN = re.compile(
    r"(?<!\w)((?:Ủy|Uỷ|ỦY|UỶ|ủy|uỷ) ban nhân)(?=[^\S\n]+(?:tỉnh|Tỉnh|thành phố|Thành phố|TP"
    r"|huyện|quận|thị xã|xã|phường|các|cấp)(?!\w))"
)
# words a web page glued together: "UBND cáchuyện", "Ban ... cácsở, ban, ngành" ("các" is never
# the start of a longer syllable), "trên địa bàn.Các sở ..." (a sentence run into the next).
# The word "các" first and its left edge checked after it ("(?<!\wcác)", not "(?<!\w)các"):
# a pattern that opens on a literal lets re jump from one "các" to the next
_GLUED_CAC = re.compile(
    r"các(?<!\wcác)(?=(?:sở|huyện|xã|phường|quận|cơ quan|đơn vị|ban|ngành|địa phương|bộ|phòng|"
    r"đoàn thể|tổ chức|doanh nghiệp|trường|tỉnh|thành phố)(?!\w))"
)
_GLUED_GIAO = re.compile(r"(?<!\w)([Gg]iao)cho(?!\w)")
# a word run into the role or the day after it (no syllable holds "...chủ trì" or "...ngày 2")
_GLUED_ROLE = tuple(  # (each opens on its word, its left edge checked after: re skips ahead)
    re.compile(p)
    for p in (
        r"chủ trì(?!\w)(?<=[^\W\d_]chủ trì)",
        r"phối hợp(?!\w)(?<=[^\W\d_]phối hợp)",
        r"ngày(?= \d)(?<=[^\W\d_]ngày)",
    )
)
_GLUED_STOP = re.compile(
    r"\.(?<=[a-zà-ỹđ]{2}\.)(?=(?:Các|Giao|Yêu cầu|Đề nghị|UBND|Sở|Chủ tịch)(?!\w))"
)
# Syllables a legal library's copy ran together ("Giaothông vận tải", "Tàinguyên và Môi
# trường", "Thể thaovà Du lịch", "đểcác Bộ", "TổngBí thư", "21tháng 04"). No Vietnamese
# syllable holds two groups of vowels, so a word with two (and a letter only Vietnamese
# writes) is read as the syllables it splits into: onset, vowels, final consonant each.
_VOWEL_LETTERS = "".join(
    sorted(
        {
            unicodedata.normalize("NFC", v + tone)
            for base in "aăâeêioôơuưy"
            for v in (base, base.upper())
            for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
        }
    )
)
# (only the core is searched, the word around it found after: a pattern that opened on "any
# letters" would be tried at every letter of the text)
_TWO_VOWEL_GROUPS = re.compile(rf"[{_VOWEL_LETTERS}][^\W\d_{_VOWEL_LETTERS}]+[{_VOWEL_LETTERS}]")
# a small letter then a capital inside a word: "TổngBí", "trựcChính" (decided in ``_turned``)
_LOWER_LETTERS = "a-zđ" + "".join(
    sorted({c for c in _VOWEL_LETTERS if c.islower() and not c.isascii()} | {"đ"})
)
_UPPER_LETTERS = CAPITALS
# (the capital first, its neighbours checked around it: re skips to the rare capitals)
_CASE_TURN = re.compile(rf"[{_UPPER_LETTERS}](?<=[{_LOWER_LETTERS}].)(?=[{_LOWER_LETTERS}])")
_DAY_WORD_GLUED = re.compile(r"(\d)(tháng|năm)(?![^\W\d_])")  # (each opens on its literal)
_WORD_DAY_GLUED = re.compile(r"tháng(?<![^\W\d_]tháng)(?=\d)")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?(?P<v>[aeiouy]{1,3})"
    r"(?P<c>ng|nh|ch|[cmnpt])?"
)
# vowels that close on a glide take no final consonant ("giao|thông", never "giaot|hông")
_GLIDE_END = frozenset("ai ao au ay eo eu iu oi ui uu ieu yeu oai oay uay uoi uou".split())
_ONSET = re.compile(r"ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx]")
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_GLUED_PARTS = 3  # syllables one glued word may hold


def _toneless(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


def _syllable(word: str) -> bool:
    if len(word) > _SYLLABLE_LETTERS:
        return False
    tones = sum(c in _TONE_MARKS for c in unicodedata.normalize("NFD", word))
    m = _SYLLABLE.fullmatch(_toneless(word)) if tones <= 1 else None
    return m is not None and not (m.group("c") and m.group("v") in _GLIDE_END)


def _syllables(word: str, parts: int = _GLUED_PARTS) -> list[str] | None:
    """``word`` as the syllables it is made of; None if it is none. Of two readings, the
    one whose next syllable opens on a consonant ("cho|các", not "choc|ác"), then whose
    syllable before it closes on one ("trên|hành", not "trê|nhành")."""
    if _syllable(word):
        return [word]
    best: tuple[tuple[bool, bool], list[str]] | None = None
    for i in range(1, len(word)):
        head = word[:i]
        if parts < 2 or not _syllable(head):
            continue
        rest = _syllables(word[i:], parts - 1)
        if rest is None:
            continue
        closed = _SYLLABLE.fullmatch(_toneless(head))
        score = (
            _ONSET.match(_toneless(rest[0])) is not None,
            closed is not None and closed.group("c") is not None,
        )
        if best is None or score > best[0]:
            best = (score, [head, *rest])
    return best[1] if best else None


def _turned(word: str) -> str:
    """The word with a space where a small letter meets a capital followed by a small one,
    for words with letters only Vietnamese writes (not "iPhone", "VietinBank")."""
    if word.isascii():
        return word
    out = [word[0]]
    for prev, ch, nxt in zip(word, word[1:], word[2:] + " ", strict=False):
        if prev.islower() and ch.isupper() and nxt.islower():
            out.append(" ")
        out.append(ch)
    return "".join(out)


# names of peoples and things written as one word ("Êđê", "Xơđăng", "Pơmu")
_ONE_WORD_NAMES = frozenset(
    ["êđê", "xơđăng", "pơmu", "bơnông", "mơnông", "ơđu", "chơro", "cơho", "hànộimới"]
)  # (and a paper that writes its name so: "Báo Hànộimới")
_SYLLABLE_LETTERS = 7  # the longest Vietnamese syllable: "nghiêng"


def _parted(word: str) -> str:
    if word.isascii() or word[1:] != word[1:].lower():
        return word  # a foreign word ("Covid", "Pleiku"), a code, a turn of case
    if len(word) > _GLUED_PARTS * _SYLLABLE_LETTERS or word.lower() in _ONE_WORD_NAMES:
        return word  # (a text layer without spaces is no glued word: bounds the search)
    found = _syllables(word)
    return " ".join(found) if found else word


def _mend_words(text: str, core: re.Pattern[str], mend: Callable[[str], str]) -> str:
    """``text`` with each word that holds a match of ``core`` replaced by ``mend(word)``."""
    out: list[str] = []
    pos = 0
    for m in core.finditer(text):
        start, end = m.start(), m.end()
        if start < pos:
            continue  # (in a word already mended)
        while start > pos and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        out += [text[pos:start], mend(text[start:end])]
        pos = end
    return "".join(out) + text[pos:] if out else text


def _split_glued_syllables(text: str) -> str:
    text = _mend_words(text, _CASE_TURN, _turned)
    text = _mend_words(text, _TWO_VOWEL_GROUPS, _parted)
    if "tháng" in text or "năm" in text:  # "ngày 21tháng04 năm 2011"
        text = _WORD_DAY_GLUED.sub("tháng ", _DAY_WORD_GLUED.sub(r"\1 \2", text))
    return text


_BROKEN_DATELINE = re.compile(r"(,[^\S\n]*ngày)[^\S\n]*\n[^\S\n]*(?=\d{1,2}[^\S\n]+tháng(?!\w))")
# a body's head word a web page glued to the word before: "tiêu chíVăn phòng Điều phối ...",
# "giaoTrưởng các phòng" (each opens on its word, its left edge checked after: re skips ahead)
_GLUED_HEAD = tuple(
    re.compile(rf"{head}(?!\w)(?<=[a-zà-ỹđ]{head})")
    for head in ("Văn phòng", "Trưởng", "Thủ trưởng", "Giám đốc", "Chủ tịch", "UBND", "Sở", "Các")
)

# (the mark kept by the replacement, not looked behind for: re then skips to a mark quickly)
_INLINE_FOOTER = re.compile(r"([./;])[^\S\n]+(?=Nơi nhận\s*:)")
_NEEDS_CLEANING = re.compile(r"[*#~\[\\_•●▪◦]")


_MD_TABLE_RULE = re.compile(r"^\|?[\s:|-]*-[\s:|-]*\|?$")
_PLAN_COLUMNS = (
    ("product", re.compile(r"(?i)sản phẩm|kết quả")),
    ("content", re.compile(r"(?i)nội dung|nhiệm vụ|công việc|tên")),
    ("lead", re.compile(r"(?i)chủ trì|thực hiện|đầu mối")),
    ("support", re.compile(r"(?i)phối hợp")),
    ("time", re.compile(r"(?i)thời gian|thời hạn|tiến độ")),
)
_ATTRIBUTE_LABEL = {
    "lead": "Cơ quan chủ trì",
    "support": "Cơ quan phối hợp",
    "time": "Thời gian thực hiện",
}


def _is_table_row(line: str) -> bool:
    return line.startswith("|") or line.count(" | ") >= 1


def _tables_to_lines(lines: list[str]) -> list[str]:
    """Tables (markdown pipes, or DOCX rows "a | b | c") become lines a reader follows:
    a plan's table (Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian) becomes
    one item per row with its attribute lines; any other table, one line per cell."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j] and _is_table_row(lines[j]):
            j += 1
        if j - i >= 2 or (j > i and lines[i].startswith("|")):
            out.extend(_table_lines([_cells(r) for r in lines[i:j] if not _MD_TABLE_RULE.match(r)]))
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def _join_bold_runs(lines: list[str]) -> list[str]:
    """A bold run ("**2. Sở" ... "Khoa học và Công nghệ**") soft-wrapped over a few lines
    is one line: a heading must not lose the words after its break."""
    if not any("**" in line for line in lines):
        return lines
    out: list[str] = []
    open_at: int | None = None
    for line in lines:
        if open_at is not None and line.strip() and len(out) - open_at < 6:
            out[open_at] += " " + line.strip()
            if line.count("**") % 2:
                open_at = None
            continue
        open_at = None
        out.append(line)
        if line.count("**") % 2:
            open_at = len(out) - 1
    return out


def _vertical_tables(lines: list[str]) -> list[str]:
    """A table saved from a legal library's page puts each cell on lines of its own
    between lines holding only "|", and a row ends where two such lines meet: such a run
    becomes one "a | b | c" line per row (a row of one cell, a plain line)."""
    if "|" not in lines:
        return lines
    out: list[str] = []
    i = 0
    while i < len(lines):
        if lines[i] != "|":
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j]:
            j += 1
        out.extend(_vertical_rows(lines[i:j]))
        i = j
    return out


def _vertical_rows(run: list[str]) -> list[str]:
    rows: list[list[list[str]]] = [[]]
    cell: list[str] = []
    for k, line in enumerate(run):
        if line != "|":
            cell.append(line)
            continue
        if cell:
            rows[-1].append(cell)
            cell = []
        if k and run[k - 1] == "|" and rows[-1]:
            rows.append([])  # two bars in a row: the row ends
    if cell:
        rows[-1].append(cell)
    out: list[str] = []
    for row in rows:
        if any(_runs_on(cell) or _HEADER_CELL.match(cell[0]) for cell in row):
            for cell in row:  # a page's body between two bars: not a cell, keep its lines;
                out.extend([*cell, ""])  # and the cells of a document's header block
        elif row:
            out.append(" | ".join(" ".join(cell) for cell in row))
    return out


_HEADER_CELL = re.compile(r"CỘNG\s+HÒA|CỘNG\s+HOÀ|Số\s*:|ỦY BAN|UỶ BAN")


def _runs_on(cell: list[str]) -> bool:
    """A cell too long to be one: many lines, or list items of its own."""
    return len(cell) > 6 or any(_LIST_MARKER.match(line) for line in cell[1:])


def _cells(row: str) -> list[str]:
    """A DOCX row "a | b" keeps an empty first cell ("| b"); a markdown row "| a | b |" is
    framed by bars."""
    row = row.strip()
    if row.startswith("|") and row.endswith("|") and len(row) > 1:
        row = row[1:-1]
    return [c.strip() for c in row.split("|")]


def _table_lines(rows: list[list[str]]) -> list[str]:
    if not rows:
        return []
    columns = _plan_columns(rows[0])
    out: list[str] = []
    if columns is None:
        for row in rows:
            out.extend(c for c in row if c)
            out.append("")
        return out
    previous = ""
    for row in rows[1:]:
        if _numbering_row(row) or row == rows[0]:
            continue  # "(1) | (2) | (3)" under the header, or the header again on a new page
        shift = max(0, len(row) - len(rows[0]))  # a header that lost its "TT" cell
        cell = {name: _at(row, k + shift) for name, k in columns.items()}
        attributes = [(label, cell.get(name, "")) for name, label in _ATTRIBUTE_LABEL.items()]
        if not any(value for _, value in attributes):
            if cell["content"]:
                out.extend(["", cell["content"].rstrip(".:"), ""])  # a section row: a heading
            continue
        content = cell["content"] or previous  # a row that goes on with another product
        if not content:
            continue
        previous = content
        product = cell.get("product", "")
        text = content.rstrip(".") + (" | " + product.rstrip(".") if product else "")
        out.extend(["", "- " + text + "."])
        out.extend(f"- {label}: {value}" for label, value in attributes if value)
    out.append("")
    return out


def _at(row: list[str], k: int) -> str:
    return row[k] if k < len(row) else ""


_NUMBERING_CELL = re.compile(r"\(?\d{1,2}\)?|[IVX]{1,4}|")


def _numbering_row(row: list[str]) -> bool:
    return all(_NUMBERING_CELL.fullmatch(c) for c in row)


def _plan_columns(header: list[str]) -> dict[str, int] | None:
    """Column of each attribute when ``header`` is a plan table's header row."""
    found: dict[str, int] = {}
    for k, cell in enumerate(header):
        for name, rx in _PLAN_COLUMNS:
            if name not in found and rx.search(cell):
                found[name] = k
                break
    return found if "content" in found and "lead" in found else None


def _clean_line(line: str) -> str:
    if "  " not in line and not _NEEDS_CLEANING.search(line):
        return line.strip()  # most lines: nothing to mend, skip the chain of patterns
    line = _MD_HEADING.sub("", line)
    line = _MD_STRIKE.sub(r"\1", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_STRONG.sub("", line)  # first: "**TT**" is a bold cell, not a mark "*TT*"
    line = _OCR_MARK.sub("", line)
    line = _MD_EMPHASIS.sub(r"\1", line)
    line = _MD_BULLET.sub("- ", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    line = re.sub(r" {2,}", " ", line)
    return line.strip()


def _drop_clutter(lines: list[str]) -> list[str]:
    """Cut the related-articles tail, captions, page numbers and repeated short lines."""
    out: list[str] = []
    body_chars = 0
    seen_short: set[str] = set()
    read_prose = False  # a paragraph of running text came before
    title_at = next((i for i, line in enumerate(lines) if line), 0)
    title = lines[title_at] if lines else ""
    # a caption is printed twice: a line printed once is none (decided without a look around)
    twice = {line for line, n in Counter(lines).items() if n > 1}
    for i, line in enumerate(lines):
        if body_chars > 200 and read_prose and _CLUTTER_START.match(line):
            break  # the related articles after an article (not a share bar above it)
        if line and (
            (("Ảnh" in line or "ảnh" in line) and _CAPTION.search(line))
            or _PAGE_NUMBER.match(line)
            or _FOOTER_LINE.match(line)
        ):
            continue
        if line and line in twice and _is_repeated_caption(lines, i):
            continue
        if line and i > title_at and line == title and len(line) < 200:
            continue  # the headline repeated inside the page
        if line and len(line) < 200 and not _ends_sentence(line):
            if line in seen_short and not _LIST_MARKER.match(line):
                continue
            seen_short.add(line)
        out.append(line)
        body_chars += len(line)
        read_prose = read_prose or (len(line) >= 150 and _ends_sentence(line))
    return out


def _is_repeated_caption(lines: list[str], i: int) -> bool:
    """A short line printed twice in a row (image alt text and caption) is a caption."""
    line = lines[i]
    if len(line) > 200 or _ends_sentence(line):
        return False
    nxt = next((x for x in lines[i + 1 : i + 3] if x), None)
    prev = next((x for x in reversed(lines[max(0, i - 2) : i]) if x), None)
    return line in (nxt, prev)


def _ends_sentence(line: str) -> bool:
    return bool(line) and line[-1] in _TERMINAL


def _join_broken_lines(lines: list[str]) -> str:
    """Join lines broken inside a sentence; paragraphs end up one blank line apart."""
    paragraphs: list[_Paragraph] = []
    blank_before = False
    for line in lines:
        if not line:
            blank_before = True
            continue
        if paragraphs and _continues(paragraphs[-1], line, blank_before):
            paragraphs[-1].add(line)
        else:
            paragraphs.append(_Paragraph(line))
        blank_before = False
    return "\n\n".join(" ".join(p.lines) for p in paragraphs)


class _Paragraph:
    """Lines joined into one paragraph, with what :func:`_continues` asks of their joined
    text kept up to date line by line (a paragraph of 20,000 soft-wrapped lines is not
    read again at each line: joining it that way was quadratic)."""

    __slots__ = ("counted", "dated", "head", "length", "letters", "lines", "piped", "tail", "upper")

    def __init__(self, line: str) -> None:
        self.lines = [line]
        self.head = line[:_EDGE]  # the joined text's first and last characters
        self.tail = line[-_EDGE:]
        self.length = len(line)
        self.letters = self.upper = self.counted = 0  # (letters of lines[:counted], on demand)
        self.piped = " | " in line  # (a menu "Trang chủ | Tin tức | ...")
        self.dated = _DATE_FIELD.search(line) is not None

    def add(self, line: str) -> None:
        seam = self.tail + " " + line[: _EDGE - 1]  # what only the joint may have made
        self.piped = self.piped or " | " in seam or " | " in line
        self.dated = self.dated or bool(_DATE_FIELD.search(seam) or _DATE_FIELD.search(line))
        self.lines.append(line)
        self.length += 1 + len(line)
        if len(self.head) < _EDGE:
            self.head = (self.head + " " + line)[:_EDGE]
        self.tail = (self.tail + " " + line)[-_EDGE:]

    def header_like(self) -> bool:
        """:func:`_is_header_like` of the joined text before a soft wrap."""
        if self.length < _SHORT_BEFORE_BREAK or self.dated or _HEADER_START.search(self.head):
            return True
        for line in self.lines[self.counted :]:  # (each line counted once, when first asked)
            letters, upper = _letters(line)
            self.letters += letters
            self.upper += upper
        self.counted = len(self.lines)
        return _capitalised(self.letters, self.upper)


_EDGE = 16  # characters of each end of a paragraph that its joints and openings can reach


def _continues(prev: _Paragraph, line: str, blank_between: bool) -> bool:
    """Does ``line`` continue the sentence that ``prev`` left open?

    After a blank line (a page break) only a line starting in lower case continues;
    after a plain line break (a soft wrap), any line that is not a list item does,
    unless one of the two is a short heading-like line (upper case, header block).
    """
    if _ends_sentence(prev.tail) or prev.piped:
        return False  # (a menu "Trang chủ | Tin tức | ..." never runs into the next line)
    # (but "... vào tháng 10 và" / "11. Để chủ động ...": a number a hard wrap put first)
    if not blank_between and _YEAR_RANGE_END.match(line) and _YEAR_AT_END.search(prev.tail):
        return True  # a span of years a hard wrap cut: "giai đoạn 2016" / "- 2020; tình hình ..."
    wrapped_number = not blank_between and _NUMBER_START.match(line) and _open_end(prev.tail)
    if _LIST_MARKER.match(line) and not wrapped_number:
        return False
    if not line[0].isalnum():
        return False
    if line[0].islower():
        return True
    if blank_between:
        return False
    if _open_end(prev.tail) or (_BULLET.match(prev.head) and not _is_header_like(line, short=0)):
        # "- Chủ trì, phối hợp với các" / "Sở, Ban, ngành liên quan rà soát ...", and a dash
        # item's short first line ("- Tham mưu Ủy ban nhân dân" / "Thành phố đánh giá ...")
        return True
    if len(prev.lines) == 1 and len(line) > _LONGER_THAN_A_WRAP * prev.length:
        return False  # a page's title over its lead: no line wraps before the width it keeps
    return not (prev.header_like() or _is_header_like(line, short=0))


_LONGER_THAN_A_WRAP = 1.5  # times: a line after a soft wrap is no longer than the one wrapped


def _open_end(tail: str) -> bool:
    return _OPEN_END.search(tail, max(0, len(tail) - _OPEN_END_WITHIN)) is not None


_NUMBER_START = re.compile(r"\d{1,3}\.\s")
_YEAR_RANGE_END = re.compile(r"[-–]\s*(?:19|20)\d\d(?!\d)(?!\s*:)")  # (not "- 2026: Sở Y tế ...")
_YEAR_AT_END = re.compile(r"(?<!\d)(?:19|20)\d\d$")
_BULLET = re.compile(r"[-+–•]\s")
# a line that stops on a word no sentence or heading ends with was wrapped, however short
# (searched for in the last characters only: a paragraph grows with every line joined to it)
_OPEN_END_WITHIN = 11  # the longest word ("Nghị quyết") and a line end
_OPEN_END = re.compile(  # (and the kind or head of a name: "Thực hiện Luật" / "Ngân sách ...")
    r"(?<!\w)(?:các|những|với|của|và|cho|tại|về|theo|trong|đối với|thuộc|được|để|từ|đến|"
    r"hoặc|là|Ban|Sở|Bộ|Ủy ban|Uỷ ban|UBND|Luật|Nghị định|Nghị quyết|Thông tư|Chỉ thị|"
    r"Công văn|Công điện|Trung tâm|Chi cục|Cục|Văn phòng)$"
)


# a header field opening a line, and a place-and-date field anywhere in it ("Hà Nội, ngày 5")
_HEADER_START = re.compile(
    r"^(Số|V/v|Kính gửi|Nơi nhận|TM\.|KT\.|TL\.|Q\.|CỘNG HÒA|CỘNG HOÀ|Độc lập|Đăng ngày|"
    r"Ngày đăng|Cập nhật|Đăng lúc)\b"
)
_DATE_FIELD = re.compile(r", ngày \d")
_SHORT_BEFORE_BREAK = 60  # characters: a shorter line before a soft wrap is a heading's


def _is_header_like(line: str, *, short: int) -> bool:
    """Upper-case lines, header fields and (for the line before a break) short lines."""
    if _capitalised(*_letters(line)):
        return True
    return len(line) < short or bool(_HEADER_START.search(line) or _DATE_FIELD.search(line))


def _letters(line: str) -> tuple[int, int]:
    """The letters of ``line`` and, of them, the capitals."""
    return sum(map(str.isalpha, line)), sum(map(str.isupper, line))


def _capitalised(letters: int, upper: int) -> bool:
    return bool(letters) and upper / letters > 0.6
