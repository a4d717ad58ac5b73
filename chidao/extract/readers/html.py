"""HTML news pages: the article only, as plain text with a blank line between paragraphs.

Contract:

- Decoding: a BOM decides; then a ``<meta charset>`` (or ``http-equiv`` Content-Type)
  declaration of a Vietnamese charset (Windows-1258, VISCII, TCVN3, VNI) or of any other
  non-Western one is obeyed. UTF-8, Western (ISO-8859-1, Windows-1252, ASCII) and missing
  declarations go through :func:`~chidao.extract.readers.encoding.decode_text`: copied
  templates often declare UTF-8 wrongly, and old Vietnamese sites declared Latin-1 while
  TCVN3/VNI fonts drew the bytes. Such pages fall back to Windows-1252, not -1258.
- Extraction: trafilatura in precision mode (menus, related-article lists, comments,
  footers dropped; tables kept), then balanced mode if precision finds nothing, then the
  visible text of ``<body>`` without script, style, nav, header, footer, aside and forms.
  Rendering stops at a "Tin khác"/"Tin liên quan"/"Bình luận"-style heading: Vietnamese
  news sites put those boxes inside the article container, where extractors keep them.
- Output: the headline (unless the article text opens with it), then one block per
  heading, paragraph or list item; list items are prefixed ``"- "`` or ``"1. "``; a table is
  one block with a line per row, cells joined by ``" | "``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import lxml.etree as etree
import lxml.html
import trafilatura
from trafilatura.metadata import extract_title

from chidao.extract.errors import UnreadableFile
from chidao.extract.model import ReadResult
from chidao.extract.readers.encoding import (
    CP1258,
    TCVN3,
    VISCII,
    VNI,
    DecodingError,
    decode_as,
    decode_text,
)
from chidao.extract.readers.text import decoded_warnings, unify_newlines

__all__ = ["HtmlReader", "decode_html"]

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_WESTERN = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii"})
# Charset labels old Vietnamese sites used for font-based encodings, and Python's names.
_VIETNAMESE_LABELS = {
    "windows-1258": CP1258,
    "cp1258": CP1258,
    "viscii": VISCII,
    "x-viet-viscii": VISCII,
    "tcvn": TCVN3,
    "tcvn3": TCVN3,
    "tcvn-5712": TCVN3,
    "tcvn5712-1": TCVN3,
    "x-viet-tcvn5712": TCVN3,
    "vni": VNI,
    "x-viet-vni": VNI,
}
_CLUTTER_HEADINGS = re.compile(
    r"^(tin|bài)\s+(khác|liên quan|cùng chuyên mục|mới|nổi bật|xem nhiều|đọc nhiều)"
    r"|^(xem|đọc)\s+(thêm|nhiều)|^bình luận|^ý kiến bạn đọc|^từ khóa",
    re.IGNORECASE,
)
_REMOVED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "iframe",
    "svg",
)
_BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "tr",
    "table",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
)
_LIST_MARK = re.compile(r"^([-+•–*]|\(?[0-9a-zA-Z]{1,3}[.)])\s")


class HtmlReader:
    """Reads HTML bytes; see the module docstring for the contract."""

    def read(self, data: bytes, name: str) -> ReadResult:
        label = name or None
        try:
            html, encoding = decode_html(data)
        except DecodingError as exc:
            raise UnreadableFile(label, str(exc)) from exc
        text = _extract(html)
        text = unicodedata.normalize("NFC", unify_newlines(text)).strip()
        return ReadResult(
            text=text, format="html", encoding=encoding, warnings=decoded_warnings(text)
        )


def decode_html(data: bytes) -> tuple[str, str]:
    """Decode an HTML page: BOM, then declared charset, then detection (see module doc)."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_text(data)
    declared = _declared_charset(data)
    if declared is None:
        return decode_text(data, fallback="cp1252")
    if declared in _VIETNAMESE_LABELS:
        encoding = _VIETNAMESE_LABELS[declared]
        return decode_as(data, encoding), encoding
    try:
        python_name = codecs.lookup(declared).name
    except LookupError:
        return decode_text(data, fallback="cp1252")
    if python_name in _WESTERN or python_name == "utf-8":
        # A wrong UTF-8 declaration is common (templates copied between sites), and a
        # Western one was the norm for TCVN3/VNI font pages: let the bytes decide.
        return decode_text(data, fallback="cp1252")
    return decode_as(data, python_name), python_name


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


# --------------------------------------------------------------------------------------
# Extraction
# --------------------------------------------------------------------------------------


def _extract(html: str) -> str:
    for precise in (True, False):
        xml = trafilatura.extract(
            html,
            output_format="xml",
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            # Not with_metadata: its date search loads dateparser (2+ s on first use) and
            # only the title is wanted, which _page_title finds in milliseconds.
            favor_precision=precise,
        )
        if xml:
            text = _render_document(xml, html)
            if text.strip():
                return text
    return _visible_body_text(html)


def _render_document(xml: str, html: str) -> str:
    root = etree.fromstring(xml.encode("utf-8"))
    main = root.find("main")
    blocks = _render_blocks(main) if main is not None else []
    title = _page_title(html)
    if title and title not in blocks[:2]:
        blocks.insert(0, title)
    return "\n\n".join(block for block in blocks if block)


def _page_title(html: str) -> str:
    """The headline: trafilatura's own title rules (a lone h1, og:title, <title>, ...)."""
    root = _parse_html(html)
    if root is None:
        return ""
    return " ".join((extract_title(root) or "").split())


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _parse_html(html: str) -> lxml.html.HtmlElement | None:
    # lxml refuses a str that still carries an XML encoding declaration (XHTML pages).
    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return None


def _render_blocks(container: etree._Element) -> list[str]:
    blocks: list[str] = []
    for element in container:
        tag = element.tag
        if tag == "list":
            blocks.extend(_list_items(element))
        elif tag == "table":
            blocks.append(_table(element))
        elif tag in ("head", "p", "quote", "code", "div"):
            text = _inline(element)
            if _CLUTTER_HEADINGS.match(text) and (tag == "head" or len(text) < 40):
                break  # the rest of the page is related articles or comments
            blocks.append(text)
    return blocks


def _inline(element: etree._Element) -> str:
    """Text of ``element`` with <lb/> as line breaks and spaces tidied line by line."""
    parts: list[str] = []
    _collect(element, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _collect(element: etree._Element, parts: list[str]) -> None:
    parts.append(element.text or "")
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != "list":  # nested lists are rendered as items of their own
            _collect(child, parts)
        parts.append(child.tail or "")


def _list_items(list_element: etree._Element) -> list[str]:
    ordered = "ol" in (list_element.get("rend") or "")
    items: list[str] = []
    number = 0
    for item in list_element.iterchildren("item"):
        text = _inline(item)
        if text:
            number += 1
            if not _LIST_MARK.match(text):
                text = (f"{number}. " if ordered else "- ") + text
            items.append(text)
        for nested in item.iterchildren("list"):
            items.extend(_list_items(nested))
    return items


def _table(table: etree._Element) -> str:
    rows = []
    for row in table.iter("row"):
        cells = [_inline(cell).replace("\n", " ") for cell in row.iterchildren("cell")]
        if any(cells):
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _visible_body_text(html: str) -> str:
    """Fallback for pages trafilatura finds nothing in (very short pages)."""
    root = _parse_html(html)
    if root is None:
        return ""
    body = root.find("body")
    if body is None:
        body = root
    for element in list(body.iter(*_REMOVED_TAGS)):
        element.drop_tree()
    for element in body.iter(*_BLOCK_TAGS):
        element.tail = "\n\n" + (element.tail or "")
    for element in body.iter("br"):
        element.tail = "\n" + (element.tail or "")
    text = body.text_content()
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
