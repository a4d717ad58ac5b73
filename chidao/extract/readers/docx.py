"""DOCX: body paragraphs and tables in document order, automatic numbering as text.

Contract:

- One block per body paragraph or table, in the order of the body XML; blocks are
  separated by a blank line. Empty paragraphs are dropped.
- A table is one block; each row is one line, its cells joined by ``" | "`` (a cell's
  paragraphs are joined by spaces, a nested table's rows by ``" / "``). Empty rows are
  dropped.
- Automatic numbering, which python-docx does not render, is rendered as Word shows it:
  the paragraph's ``w:numPr`` (direct, or from its style chain) picks a list and level in
  ``numbering.xml``; counters advance per list and level, deeper levels restart, and the
  level's ``lvlText`` ("%1.", "%1.%2.", "%2)") is filled in with each level's format
  (decimal, letters, roman numerals). Bullets become ``"- "`` (``"+ "`` stays ``"+"``,
  the usual second-level mark in Vietnamese documents).
- Text of tracked deletions, field codes, drawings and text boxes is not included;
  tracked insertions, hyperlinks, fields' results and content controls are. Tabs stay
  tabs; line breaks inside a paragraph stay line breaks (spaces inside table cells).
- Headers, footers, footnotes and comments are not read.

Counters live on the abstract list (``w:abstractNum``), as in Word: two ``w:num`` that
share one abstract list continue each other's numbering, unless a ``w:num`` carries a
``w:startOverride``, which restarts its levels the first time that ``w:num`` is used.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import docx
from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from lxml import etree

from chidao.extract.errors import UnreadableFile
from chidao.extract.model import ReadResult

__all__ = ["DocxReader"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


_VAL = _w("val")
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT, _CUSTOM_XML = map(
    _w, ("p", "tbl", "tr", "tc", "sdt", "sdtContent", "customXml")
)
_T, _TAB, _BR, _CR, _NB_HYPHEN = map(_w, ("t", "tab", "br", "cr", "noBreakHyphen"))
# Subtrees whose text Word does not show as paragraph text (or shows elsewhere).
_SKIPPED = frozenset(
    [
        *map(
            _w,
            (
                "pPr",
                "rPr",
                "del",
                "moveFrom",
                "delText",
                "instrText",
                "drawing",
                "pict",
                "object",
                "footnoteReference",
                "endnoteReference",
                "commentReference",
            ),
        ),
        f"{{{_MC}}}Fallback",  # the old-Word copy of an mc:Choice: would duplicate text
    ]
)


class DocxReader:
    """Reads DOCX bytes; see the module docstring for the contract."""

    def read(self, data: bytes, name: str) -> ReadResult:
        document = _open(data, name or None)
        numbering = _Numbering(_numbering_element(document), document.styles.element)
        blocks = [block for block in _blocks(document.element.body, numbering) if block]
        text = unicodedata.normalize("NFC", "\n\n".join(blocks))
        return ReadResult(text=text, format="docx")


# Macro-enabled documents and templates are ordinary Word documents to read, but
# python-docx refuses any main part whose content type is not the plain document's.
_DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_OTHER_WORD_TYPES = re.compile(
    rb"application/vnd\.(?:ms-word\.document\.macroEnabled|ms-word\.template\.macroEnabledTemplate"
    rb"|openxmlformats-officedocument\.wordprocessingml\.template)\.main\+xml"
)


_STREAM_REPR = re.compile(r"'?<_io\.BytesIO object at 0x[0-9a-fA-F]+>'?\s*")


def _open(data: bytes, label: str | None) -> DocxDocument:
    try:
        return docx.Document(io.BytesIO(_as_plain_document(data)))
    except Exception as exc:  # python-docx raises a zoo of types for broken packages
        # python-docx names the stream ("file '<_io.BytesIO object at 0x…>'"): noise here.
        detail = _STREAM_REPR.sub("", f"{type(exc).__name__}: {exc}")
        raise UnreadableFile(
            label, f"tệp DOCX bị hỏng hoặc không hợp lệ / corrupt or invalid DOCX ({detail})"
        ) from exc


def _as_plain_document(data: bytes) -> bytes:
    """``data`` with a .docm/.dotx/.dotm main part relabelled as a plain document."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            types = archive.read("[Content_Types].xml")
            if not _OTHER_WORD_TYPES.search(types):
                return data
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as patched:
                for info in archive.infolist():
                    content = archive.read(info.filename)
                    if info.filename == "[Content_Types].xml":
                        content = _OTHER_WORD_TYPES.sub(_DOCUMENT_TYPE, content)
                    patched.writestr(info, content)
            return buffer.getvalue()
    except (KeyError, zipfile.BadZipFile):
        return data  # let python-docx report the damage


def _numbering_element(document: DocxDocument) -> etree._Element | None:
    # Not DocumentPart.numbering_part: that property creates an empty part when missing.
    try:
        numbering_part = document.part.part_related_by(RT.NUMBERING)
    except KeyError:
        return None
    element: etree._Element | None = getattr(numbering_part, "element", None)
    return element


# --------------------------------------------------------------------------------------
# Body
# --------------------------------------------------------------------------------------


def _blocks(container: etree._Element, numbering: _Numbering) -> Iterator[str]:
    """Text blocks of the paragraphs and tables under ``container``, in order."""
    for child in container:
        if child.tag == _P:
            yield _paragraph(child, numbering)
        elif child.tag == _TBL:
            yield _table(child, numbering)
        elif child.tag in (_SDT, _CUSTOM_XML):
            content = child.find(_SDT_CONTENT) if child.tag == _SDT else child
            if content is not None:
                yield from _blocks(content, numbering)


def _paragraph(p: etree._Element, numbering: _Numbering) -> str:
    parts: list[str] = []
    _inline_text(p, parts)
    text = "".join(parts).strip()
    label = numbering.label_for(p)  # counted even when empty: Word numbers empty items too
    if not text:
        return ""
    return label + text


def _inline_text(element: etree._Element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NB_HYPHEN:
            out.append("-")
        elif tag not in _SKIPPED and tag != _P:
            _inline_text(child, out)


def _table(tbl: etree._Element, numbering: _Numbering) -> str:
    rows = []
    for tr in tbl.iter(_TR):
        if _parent_table(tr) is not tbl:
            continue  # a nested table's row: rendered inside its cell
        cells = [_cell(tc, numbering) for tc in tr.iter(_TC) if _parent_row(tc) is tr]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _cell(tc: etree._Element, numbering: _Numbering) -> str:
    pieces = []
    for child in tc:
        if child.tag == _P:
            pieces.append(_paragraph(child, numbering).replace("\n", " "))
        elif child.tag == _TBL:
            pieces.append(_table(child, numbering).replace("\n", " / "))
        elif child.tag in (_SDT, _CUSTOM_XML):
            pieces.extend(b.replace("\n", " ") for b in _blocks(child, numbering))
    return " ".join(piece for piece in pieces if piece)


def _parent_table(tr: etree._Element) -> etree._Element | None:
    return next(tr.iterancestors(_TBL), None)


def _parent_row(tc: etree._Element) -> etree._Element | None:
    return next(tc.iterancestors(_TR), None)


# --------------------------------------------------------------------------------------
# Numbering
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str  # w:numFmt: decimal, lowerLetter, upperRoman, bullet, none, ...
    text: str  # w:lvlText: "%1.", "%1.%2.", a bullet character
    start: int
    restart_after: int | None  # 0-based level whose use restarts this one; None: never
    suffix: str  # what separates the label from the text
    legal: bool  # w:isLgl: every %N in decimal
    style: str | None  # w:pStyle: the paragraph style linked to this level


@dataclass(slots=True)
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, _Level] = field(default_factory=dict)


class _Numbering:
    """numbering.xml and the numbering found in styles.xml, plus the running counters."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element) -> None:
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._style_links: dict[str, str] = {}  # abstractNumId -> numStyleLink style
        self._nums: dict[str, _Num] = {}
        self._styles = _parse_styles(styles)
        self._counters: dict[str, dict[int, int]] = {}
        self._used_nums: set[str] = set()
        if numbering is not None:
            self._parse(numbering)

    def _parse(self, numbering: etree._Element) -> None:
        for abstract in numbering.iter(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"), "")
            self._abstracts[abstract_id] = {
                int(lvl.get(_w("ilvl"), "0")): _parse_level(lvl) for lvl in abstract.iter(_w("lvl"))
            }
            link = abstract.find(_w("numStyleLink"))
            if link is not None:
                self._style_links[abstract_id] = link.get(_VAL, "")
        for num in numbering.iter(_w("num")):
            abstract_el = num.find(_w("abstractNumId"))
            entry = _Num(abstract_el.get(_VAL, "") if abstract_el is not None else "")
            for override in num.iter(_w("lvlOverride")):
                ilvl = int(override.get(_w("ilvl"), "0"))
                start = override.find(_w("startOverride"))
                if start is not None:
                    entry.start_overrides[ilvl] = _int(start.get(_VAL), 0)
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    entry.level_overrides[ilvl] = _parse_level(lvl)
            self._nums[num.get(_w("numId"), "")] = entry

    def label_for(self, p: etree._Element) -> str:
        """The rendered label ("2.1. ", "a) ", "- ") of paragraph ``p``, advancing counters."""
        found = self._num_pr(p)
        if found is None:
            return ""
        num_id, ilvl = found
        num = self._nums.get(num_id)
        if num is None:
            return ""
        abstract_id = self._resolve_abstract(num.abstract_id)
        levels = {**self._abstracts.get(abstract_id, {}), **num.level_overrides}
        level = levels.get(ilvl)
        if level is None:
            return ""
        counters = self._counters.setdefault(abstract_id, {})
        if num_id not in self._used_nums:
            self._used_nums.add(num_id)
            for lvl, start in num.start_overrides.items():
                counters[lvl] = start - 1  # the next use shows ``start``
        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else level.start
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            restart = levels[deeper].restart_after if deeper in levels else deeper - 1
            if restart is not None and ilvl <= restart:
                del counters[deeper]
        return _render(level, levels, counters)

    def _num_pr(self, p: etree._Element) -> tuple[str, int] | None:
        """(numId, ilvl) of ``p``: its own w:numPr, completed from its style chain."""
        ppr = p.find(_w("pPr"))
        num_id: str | None = None
        ilvl: int | None = None
        style_id: str | None = None
        if ppr is not None:
            num_id, ilvl = _num_pr_values(ppr.find(_w("numPr")))
            style_el = ppr.find(_w("pStyle"))
            style_id = style_el.get(_VAL) if style_el is not None else None
        style_id = style_id or self._styles.default
        from_style = num_id is None
        for style in self._styles.chain(style_id):
            if num_id is None:
                num_id = style.num_id
            if ilvl is None:
                ilvl = style.ilvl
        if num_id is None or num_id == "0":  # numId 0 means "numbering removed"
            return None
        if ilvl is None:
            ilvl = self._level_linked_to(num_id, style_id) if from_style else 0
        return num_id, ilvl

    def _level_linked_to(self, num_id: str, style_id: str | None) -> int:
        num = self._nums.get(num_id)
        if num is None or style_id is None:
            return 0
        levels = self._abstracts.get(self._resolve_abstract(num.abstract_id), {})
        return next((ilvl for ilvl, lvl in levels.items() if lvl.style == style_id), 0)

    def _resolve_abstract(self, abstract_id: str) -> str:
        """Follow w:numStyleLink (a list defined by a numbering style) to the real levels."""
        for _ in range(5):  # links are one step in practice; the bound stops cycles
            style_id = self._style_links.get(abstract_id)
            if style_id is None:
                break
            style = self._styles.by_id.get(style_id)
            num = self._nums.get(style.num_id or "") if style else None
            if num is None:
                break
            abstract_id = num.abstract_id
        return abstract_id


def _parse_level(lvl: etree._Element) -> _Level:
    def val(tag: str) -> str | None:
        el = lvl.find(_w(tag))
        return el.get(_VAL) if el is not None else None

    ilvl = int(lvl.get(_w("ilvl"), "0"))
    restart = val("lvlRestart")
    if restart is None:
        restart_after: int | None = ilvl - 1
    else:
        # lvlRestart names (1-based) the level after whose use this one restarts; 0: never.
        restart_after = _int(restart, ilvl) - 1 if restart != "0" else None
    is_lgl = lvl.find(_w("isLgl"))
    return _Level(
        fmt=val("numFmt") or "decimal",
        text=val("lvlText") or "",
        start=_int(val("start"), 1),
        restart_after=restart_after,
        suffix="" if val("suff") == "nothing" else " ",
        legal=is_lgl is not None and is_lgl.get(_VAL, "true") not in ("0", "false", "off"),
        style=val("pStyle"),
    )


def _num_pr_values(num_pr: etree._Element | None) -> tuple[str | None, int | None]:
    if num_pr is None:
        return None, None
    num_id_el = num_pr.find(_w("numId"))
    ilvl_el = num_pr.find(_w("ilvl"))
    num_id = num_id_el.get(_VAL) if num_id_el is not None else None
    ilvl = _int(ilvl_el.get(_VAL), 0) if ilvl_el is not None else None
    return num_id, ilvl


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# --------------------------------------------------------------------------------------
# Styles (only what numbering needs)
# --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Style:
    based_on: str | None
    num_id: str | None
    ilvl: int | None


@dataclass(slots=True)
class _Styles:
    by_id: dict[str, _Style]
    default: str | None

    def chain(self, style_id: str | None) -> Iterator[_Style]:
        """The style and the styles it is based on, nearest first (cycles cut)."""
        seen: set[str] = set()
        while style_id and style_id not in seen and style_id in self.by_id:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = style.based_on


def _parse_styles(styles: etree._Element) -> _Styles:
    by_id: dict[str, _Style] = {}
    default: str | None = None
    for style in styles.iter(_w("style")):
        if style.get(_w("type")) not in (None, "paragraph", "numbering"):
            continue
        style_id = style.get(_w("styleId"), "")
        based = style.find(_w("basedOn"))
        ppr = style.find(_w("pPr"))
        num_id, ilvl = _num_pr_values(ppr.find(_w("numPr")) if ppr is not None else None)
        by_id[style_id] = _Style(based.get(_VAL) if based is not None else None, num_id, ilvl)
        if style.get(_w("default")) in ("1", "true") and style.get(_w("type")) == "paragraph":
            default = style_id
    return _Styles(by_id, default)


# --------------------------------------------------------------------------------------
# Rendering labels
# --------------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"%([1-9])")


def _render(level: _Level, levels: dict[int, _Level], counters: dict[int, int]) -> str:
    if level.fmt == "bullet":
        return ("+" if level.text.strip() == "+" else "-") + " "
    if level.fmt == "none" and "%" not in level.text:
        label = level.text
    else:

        def fill(match: re.Match[str]) -> str:
            ilvl = int(match.group(1)) - 1
            ref = levels.get(ilvl)
            value = counters.get(ilvl, ref.start if ref else 1)
            fmt = "decimal" if level.legal or ref is None else ref.fmt
            return _format_number(value, fmt)

        label = _PLACEHOLDER.sub(fill, level.text)
    label = label.strip()
    return label + level.suffix if label else ""


def _format_number(value: int, fmt: str) -> str:
    formatter = _FORMATTERS.get(fmt)
    if formatter is None or value <= 0:
        return str(value)  # ordinal, cardinalText, vietnameseCounting, ...: digits
    return formatter(value)


def _letters(value: int, upper: bool) -> str:
    # Word: a..z, then aa..zz, then aaa..: the letter repeats, it does not carry.
    letter = chr(ord("A" if upper else "a") + (value - 1) % 26)
    return letter * ((value - 1) // 26 + 1)


_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(value: int) -> str:
    out = []
    for amount, numeral in _ROMAN:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


_FORMATTERS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": lambda n: _letters(n, upper=False),
    "upperLetter": lambda n: _letters(n, upper=True),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}
