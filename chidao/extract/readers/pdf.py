"""PDF: the text layer, page by page, through pypdfium2, with ruled tables as rows.

Contract:

- Pages are joined by ``"\\n\\f\\n"``: a form feed on a line of its own. ``text.split("\\f")``
  gives the pages back, and to anything that splits paragraphs on blank lines the form-feed
  line is blank (``"\\f".strip() == ""``), so no paragraph runs across a page break.
- Lines end in ``"\\n"``. A hyphen that ends a line stays a hyphen followed by a line break:
  Vietnamese words are not hyphenated across lines, so such a hyphen is a real one (PDFium
  reports it as a "soft hyphen" and drops the break; both are put back).
- A ruled table (drawn lines or rectangles that make a grid of at least two columns and
  two rows) comes out as one line per row, ``"cell | cell | …"``, as the DOCX reader
  writes a table: a cell's lines joined with spaces (a hyphen that ends a line in a cell
  joins: "NĐ-" + "CP" is "NĐ-CP", "tế -" + "xã" is "tế - xã"), an empty cell kept as an
  empty string so the columns stay aligned, a merged cell's text in its first column and
  row and nothing repeated in the columns and rows it spans, rows with no text left out. The
  rows stand where the table stands: before the first line of the page's other text that
  lies below the table's top edge. That other text reads as it always has, without the
  table's characters. A table that a page break cuts stays two tables, one per page (a
  row cut in two gives a row on each page). Unruled layout (a header block set in an
  invisible table) is plain text, and so is a page with /Rotate or one drawn with tens of
  thousands of strokes (a map, a chart).
- A page with (almost) no text layer but with an image, or with drawings and no text at
  all, is a scanned page. All content pages scanned: :class:`NeedsOCR` saying how many.
  Some: the text is returned with ``needs_ocr=True`` and a warning naming those pages.
- Password-protected, corrupt or page-less files raise :class:`UnreadableFile`. A PDF
  that is encrypted only against editing (an owner password, no user password) opens
  and is read normally.

PDFium is not thread-safe, so reads are serialised by a process-wide lock.

The OCR reader (``chidao.extract.readers.ocr``) builds on :func:`read_pages` and
:func:`render_pages` to OCR only the scanned pages and keep the text layer of the others.

Tables: pypdfium2's own character boxes and the page's drawn paths, not pdfplumber
(issue 9 asked to measure both; ``bench/bench_pdf_tables.py`` does). On the train PDFs
with ruled tables both find every row (t046: 72 of 72, t063: 182 of 182, counted by eye),
but pdfplumber splits one tall row of t046 into six and reads 213 false table rows on 6
of the 17 PDFs that have none (signature stamps, text underlines), where this reader
reads none; on four train DOCX with ruled tables saved as PDF both find the same rows
(t024's task table: 59 of 60 once rows cut by a page break are joined). pdfplumber
(through pdfminer.six) is 10 to 30 times slower: t041's 20 pages take 3.1 s of CPU
against 0.12 s here, the 23 PDFs of the bench 12 s against 0.8 s, and its batch peaks
at 72 MB against 47 MB. It would also add two dependencies. How the grid is found is what
pdfplumber's "lines" strategy does: the strokes of paths that are level or plumb
(a thin filled rectangle is one stroke) snapped and joined within 3 points, their
crossings, the smallest rectangles whose four sides are drawn, and cells that share a
corner grouped into a table. Only pages whose paths draw such strokes go through it;
the others cost one walk over their objects. A character belongs to the cell that holds
the centre of its box.
"""

from __future__ import annotations

import ctypes
import threading
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from chidao.extract.errors import NeedsOCR, UnreadableFile
from chidao.extract.model import ReadResult

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["PAGE_SEPARATOR", "PdfPage", "PdfReader", "read_pages", "render_pages", "text_layer"]

PAGE_SEPARATOR = "\n\f\n"

# Fewer visible characters than this on a page means no usable text layer: scans often
# carry a few stray characters (a stamp, an OCR'd page number) and nothing else.
_MIN_PAGE_CHARS = 20

_LOCK = threading.Lock()


@dataclass(frozen=True, slots=True)
class PdfPage:
    text: str
    scanned: bool  # content but no usable text layer


_Page = PdfPage


class PdfReader:
    """Reads PDF bytes; see the module docstring for the contract."""

    def read(self, data: bytes, name: str) -> ReadResult:
        return _result(read_pages(data, name), name or None)


def read_pages(data: bytes, name: str) -> list[PdfPage]:
    """The text layer of every page and whether the page is a scan; raises like ``read``."""
    label = name or None
    with _LOCK:
        document = _open(data, label)
        try:
            return [_read_page(document, index, label) for index in range(len(document))]
        finally:
            document.close()


def render_pages(data: bytes, name: str, indexes: Sequence[int], *, dpi: int) -> Iterator[Image]:
    """Greyscale images of the pages at ``indexes`` (0-based), rendered one at a time.

    The document stays open while the caller consumes the images; each render takes the
    lock, so other threads can read PDFs between two pages.
    """
    label = name or None
    with _LOCK:
        document = _open(data, label)
    try:
        for index in indexes:
            with _LOCK:
                page = document[index]
                try:
                    bitmap = page.render(scale=dpi / 72, grayscale=True)
                    image = bitmap.to_pil().convert("L")
                finally:
                    page.close()
            image.info["dpi"] = (dpi, dpi)
            yield image
    finally:
        with _LOCK:
            document.close()


def _open(data: bytes, label: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(label, _open_error_reason(exc)) from exc


def _open_error_reason(exc: pdfium.PdfiumError) -> str:
    code = exc.err_code
    if code == pdfium_raw.FPDF_ERR_PASSWORD:
        return "tệp PDF được bảo vệ bằng mật khẩu / password-protected PDF"
    if code == pdfium_raw.FPDF_ERR_SECURITY:
        return "tệp PDF dùng cơ chế mã hóa không được hỗ trợ / unsupported PDF encryption"
    return f"tệp PDF bị hỏng hoặc không hợp lệ / corrupt or invalid PDF ({exc})"


def _read_page(document: pdfium.PdfDocument, index: int, label: str | None) -> _Page:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise UnreadableFile(
            label, f"không đọc được trang {index + 1} của PDF / cannot load PDF page {index + 1}"
        ) from exc
    try:
        text = _clean(_page_text(page, index))
        visible = sum(1 for ch in text if not ch.isspace())
        scanned = visible < _MIN_PAGE_CHARS and _looks_scanned(page, visible)
        return _Page(text=text, scanned=scanned)
    finally:
        page.close()


def _page_text(page: pdfium.PdfPage, index: int) -> str:
    """The page's text layer, its ruled tables as rows, and what its signature fields show.

    A signed document often carries its number and day only in form fields stamped at
    signing ("Số: 115/KH-SNNMT" where the text layer says "Số: /KH-SNNMT"): such fields
    are flattened into the page and each word they show is inserted into the line it
    stands on, where its position says."""
    tables = _find_tables(page)
    textpage = page.get_textpage()
    try:
        count = textpage.count_chars()
        text: str | None = _layout(textpage, count, tables, fields=False) if tables else None
        if text is None:
            text = textpage.get_text_bounded()
    finally:
        textpage.close()
    if (
        not _has_widgets(page)
        or pdfium_raw.FPDFPage_Flatten(page.raw, pdfium_raw.FLAT_NORMALDISPLAY)
        != pdfium_raw.FLATTEN_SUCCESS
    ):
        return text
    flat = page.pdf[index]  # flattening shows only on a page loaded again
    try:
        textpage = flat.get_textpage()
        try:
            if textpage.count_chars() <= count:
                return text
            return _layout(textpage, count, tables, fields=True) or text
        finally:
            textpage.close()
    finally:
        flat.close()


def _has_widgets(page: pdfium.PdfPage) -> bool:
    raw = page.raw
    for i in range(pdfium_raw.FPDFPage_GetAnnotCount(raw)):
        annot = pdfium_raw.FPDFPage_GetAnnot(raw, i)
        try:
            if pdfium_raw.FPDFAnnot_GetSubtype(annot) == pdfium_raw.FPDF_ANNOT_WIDGET:
                return True
        finally:
            pdfium_raw.FPDFPage_CloseAnnot(annot)
    return False


Box = tuple[float, float, float, float]  # left, bottom, right, top


def _layout(
    textpage: pdfium.PdfTextPage, count: int, tables: list[_Table], *, fields: bool
) -> str | None:
    """The text of the page's first ``count`` characters (its text layer before any
    flattening) with each table's characters taken out and its rows put in where it
    stands, and, with ``fields``, the words that flattening added after ``count`` put on
    their lines. None when the text cannot be mapped to character boxes, or when
    ``fields`` is asked and flattening added no word that has a line."""
    total = textpage.count_chars()
    # get_text_range gives U+FFFE for the hyphen that ends a line, where
    # get_text_bounded gives \x02: make it the one that _clean knows
    chars = list(textpage.get_text_range(0, total).replace("\ufffe", "\x02"))
    if len(chars) != total or total < count:
        return None
    boxes = _char_boxes(textpage, chars)
    owner, cell = _owners(chars, boxes, tables)
    inserts: dict[int, list[str]] = {}
    if fields:
        for word, box, first in _words(chars, boxes, count, total):
            if owner[first] >= 0:
                continue  # a field inside a table cell: its text goes to the cell
            at = _insertion_point(chars, boxes, count, box)
            if at is not None:
                inserts.setdefault(at, []).append(word)
        if not inserts and not any(o >= 0 for o in owner[count:]):
            return None
    rows = [_table_rows(table, chars, owner, cell, k) for k, table in enumerate(tables)]
    lines = _free_lines(chars, boxes, count, owner, inserts)
    return _place_tables(lines, tables, rows)


def _char_boxes(textpage: pdfium.PdfTextPage, chars: list[str]) -> list[Box]:
    """Each character's box as ``PdfTextPage.get_charbox`` gives it, at half the cost;
    spaces and line breaks, whose boxes nothing reads, get an empty one."""
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    get = pdfium_raw.FPDFText_GetCharBox
    raw = textpage.raw
    boxes: list[Box] = []
    for i, ch in enumerate(chars):
        if not ch.isspace() and get(raw, i, left, right, bottom, top):
            boxes.append((left.value, bottom.value, right.value, top.value))
        else:
            boxes.append((0.0, 0.0, 0.0, 0.0))
    return boxes


def _words(
    chars: list[str], boxes: list[Box], start: int, end: int
) -> Iterator[tuple[str, Box, int]]:
    word: list[int] = []
    for i in range(start, end + 1):
        if i < end and not chars[i].isspace():
            word.append(i)
            continue
        if word:
            left = min(boxes[j][0] for j in word)
            bottom = min(boxes[j][1] for j in word)
            right = max(boxes[j][2] for j in word)
            top = max(boxes[j][3] for j in word)
            yield "".join(chars[j] for j in word), (left, bottom, right, top), word[0]
        word = []


def _insertion_point(chars: list[str], boxes: list[Box], count: int, box: Box) -> int | None:
    """Index of the first character on the word's line that stands right of it (or just
    after the line's last one); None when no line of the page is level with the word."""
    middle = (box[1] + box[3]) / 2
    line = [
        i for i in range(count) if not chars[i].isspace() and boxes[i][1] <= middle <= boxes[i][3]
    ]
    if not line:
        return None
    right_of = [i for i in line if boxes[i][0] >= box[0]]
    if right_of:
        return min(right_of, key=lambda i: boxes[i][0])
    return max(line, key=lambda i: boxes[i][2]) + 1


_BREAKS = "\r\n"


@dataclass(slots=True)
class _Line:
    text: str
    middle: float | None  # height of the line's first character from the text layer


def _free_lines(
    chars: list[str],
    boxes: list[Box],
    count: int,
    owner: list[int],
    inserts: dict[int, list[str]],
) -> list[_Line]:
    """The lines of the first ``count`` characters without those of tables, with the
    inserted words; a line whose characters all went to tables is left out."""
    lines: list[_Line] = []
    out: list[str] = []
    middle: float | None = None
    lost = False  # the line gave characters to a table

    def close() -> None:
        nonlocal middle, lost
        text = "".join(out)
        if lost:
            text = " ".join(text.split())
        if text.strip() or not lost:
            lines.append(_Line(text, middle))
        out.clear()
        middle, lost = None, False

    i = 0
    while i <= count:
        for word in inserts.get(i, []):
            before = out[-1][-1:] if out else ""
            after = chars[i] if i < count else ""
            pad_left = "" if not before or before.isspace() else " "
            pad_right = " " if after.isalnum() else ""
            out.append(pad_left + word + pad_right)
        if i == count:
            break
        ch = chars[i]
        if ch in _BREAKS:
            close()
            if ch == "\r" and i + 1 < count and chars[i + 1] == "\n":
                i += 1
        elif owner[i] >= 0:
            lost = True
        else:
            if middle is None and not ch.isspace():
                middle = (boxes[i][1] + boxes[i][3]) / 2
            out.append(ch)
        i += 1
    close()
    return lines


def _place_tables(lines: list[_Line], tables: list[_Table], rows: list[list[str]]) -> str:
    """The free lines with each table's rows put before the first line (in the text
    layer's order) that stands below the table's top edge; a table with no such line
    goes at the end. Tables that meet the same line keep their order down the page."""
    before: dict[int, list[int]] = {}
    for k, table in enumerate(tables):
        at = next(
            (
                n
                for n, line in enumerate(lines)
                if line.middle is not None and line.middle < table.top
            ),
            len(lines),
        )
        before.setdefault(at, []).append(k)
    out: list[str] = []
    for n in range(len(lines) + 1):
        for k in sorted(before.get(n, []), key=lambda k: -tables[k].top):
            out.extend(rows[k])
        if n < len(lines):
            out.append(lines[n].text)
    return "\n".join(out)


# --------------------------------------------------------------------------------------
# Ruled tables: the grid of the page's drawn lines and rectangles, cells from its corners
# --------------------------------------------------------------------------------------

_SNAP = 3.0  # points: edges this close are one rule (a thin filled rectangle's two sides)
_JOIN = 3.0  # points: collinear pieces of a rule with a gap this small are one rule
_MEET = 3.0  # points: a rule that stops this short of another still meets it
_MIN_EDGE = 3.0  # points: shorter strokes are not rules (a stamp's polygon, a glyph)
_FLAT = 0.5  # points: a segment this close to level or plumb is horizontal or vertical
# A page drawn with more than this (a map, a chart, hatching) is a drawing, not a form:
# its text is read as it is, without looking for tables.
_MAX_SEGMENTS = 20_000
_MAX_PAIRS = 400_000  # vertical and horizontal rules level with each other, looked at
_MAX_CROSSINGS = 10_000


@dataclass(frozen=True, slots=True)
class _Edge:
    at: float  # y of a horizontal rule, x of a vertical one
    lo: float
    hi: float


@dataclass(slots=True)
class _Table:
    cells: list[Box]
    xs: list[float]  # the sorted edges of the grid's columns
    ys: list[float]  # and rows (upward)
    slots: dict[tuple[int, int], int]  # (column, row) of the grid -> the cell covering it
    top: float = 0.0


def _find_tables(page: pdfium.PdfPage) -> list[_Table]:
    """The ruled tables of the page with at least two columns and two rows, top first.

    Only the page's path objects are read: a page that draws nothing costs one walk over
    its objects. A page with /Rotate is left alone (its reading order is not the grid's),
    and so is one drawn with a great many strokes (a map, a chart)."""
    if page.get_rotation() % 360:
        return []
    rules = _Rules()
    raw = page.raw
    for i in range(pdfium_raw.FPDFPage_CountObjects(raw)):
        if not rules.collect(pdfium_raw.FPDFPage_GetObject(raw, i), None, 0):
            return []
    if not rules.horizontal or not rules.vertical:
        return []
    cells = _cells(_merge(rules.horizontal), _merge(rules.vertical))
    tables = [_grid(group) for group in _group_cells(cells)]
    tables = [table for table in tables if _is_table(table)]
    tables.sort(key=lambda t: -t.top)
    return tables


Matrix = tuple[float, float, float, float, float, float]


class _Rules:
    """The horizontal and vertical strokes of a page's paths, in page space."""

    def __init__(self) -> None:
        self.horizontal: list[_Edge] = []
        self.vertical: list[_Edge] = []
        self.segments = 0
        self._x = ctypes.c_float()
        self._y = ctypes.c_float()
        self._bounds = (ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float())

    def collect(self, obj: object, outer: Matrix | None, depth: int) -> bool:
        """Add the strokes of ``obj`` (a path, or a form's paths); False past the limit."""
        kind = pdfium_raw.FPDFPageObj_GetType(obj)
        if kind == pdfium_raw.FPDF_PAGEOBJ_FORM and depth < 4:
            matrix = _compose(_matrix(obj), outer)
            for i in range(pdfium_raw.FPDFFormObj_CountObjects(obj)):
                if not self.collect(pdfium_raw.FPDFFormObj_GetObject(obj, i), matrix, depth + 1):
                    return False
            return True
        if kind != pdfium_raw.FPDF_PAGEOBJ_PATH or not _visible(obj):
            return True
        self.segments += 1
        if outer is None and self._thin(obj):
            return self.segments <= _MAX_SEGMENTS  # one line or a thin bar: its bounds say it
        count = pdfium_raw.FPDFPath_CountSegments(obj)
        self.segments += max(count, 0)
        if self.segments > _MAX_SEGMENTS:
            return False
        a, b, c, d, e, f = _compose(_matrix(obj), outer)
        x, y = self._x, self._y
        start: tuple[float, float] | None = None
        last: tuple[float, float] | None = None
        for i in range(count):
            segment = pdfium_raw.FPDFPath_GetPathSegment(obj, i)
            if not pdfium_raw.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            point = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            kind = pdfium_raw.FPDFPathSegment_GetType(segment)
            if kind == pdfium_raw.FPDF_SEGMENT_MOVETO:
                start = point
            elif kind == pdfium_raw.FPDF_SEGMENT_LINETO and last is not None:
                self._add(last, point)
            last = point
            if pdfium_raw.FPDFPathSegment_GetClose(segment) and start is not None:
                self._add(point, start)
                last = start
        return True

    def _thin(self, obj: object) -> bool:
        """Add the path as one rule when its bounds (in page space) are a thin strip."""
        left, bottom, right, top = self._bounds
        if not pdfium_raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            return False
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        if y1 - y0 <= _SNAP and x1 - x0 > y1 - y0:
            self.horizontal.append(_Edge((y0 + y1) / 2, x0, x1))
            return True
        if x1 - x0 <= _SNAP and y1 - y0 > x1 - x0:
            self.vertical.append(_Edge((x0 + x1) / 2, y0, y1))
            return True
        return False

    def _add(self, p: tuple[float, float], q: tuple[float, float]) -> None:
        (x0, y0), (x1, y1) = p, q
        if abs(y1 - y0) <= _FLAT and x1 != x0:
            self.horizontal.append(_Edge((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x1 - x0) <= _FLAT and y1 != y0:
            self.vertical.append(_Edge((x0 + x1) / 2, min(y0, y1), max(y0, y1)))


def _matrix(obj: object) -> Matrix:
    m = pdfium_raw.FS_MATRIX()
    if not pdfium_raw.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(inner: Matrix, outer: Matrix | None) -> Matrix:
    """``inner`` then ``outer``: an object's matrix inside a form, then the form's."""
    if outer is None:
        return inner
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _visible(obj: object) -> bool:
    """A path that is stroked, or filled with something other than white."""
    fill = ctypes.c_int()
    stroke = ctypes.c_int()
    if not pdfium_raw.FPDFPath_GetDrawMode(obj, fill, stroke):
        return False
    if stroke.value:
        return True
    if fill.value == pdfium_raw.FPDF_FILLMODE_NONE:
        return False
    r, g, b, alpha = (ctypes.c_uint() for _ in range(4))
    if not pdfium_raw.FPDFPageObj_GetFillColor(obj, r, g, b, alpha):
        return True
    return alpha.value > 0 and min(r.value, g.value, b.value) < 250


def _merge(edges: list[_Edge]) -> list[_Edge]:
    """Rules close to one another snapped onto one line (their mean), pieces of one line
    that touch or nearly touch joined, and what is still short dropped."""
    edges = sorted(edges, key=lambda e: e.at)
    clusters: list[list[_Edge]] = []
    for edge in edges:
        if clusters and edge.at - clusters[-1][-1].at <= _SNAP:
            clusters[-1].append(edge)
        else:
            clusters.append([edge])
    out: list[_Edge] = []
    for cluster in clusters:
        at = sum(e.at for e in cluster) / len(cluster)
        pieces = sorted(cluster, key=lambda e: e.lo)
        lo, hi = pieces[0].lo, pieces[0].hi
        for piece in pieces[1:]:
            if piece.lo <= hi + _JOIN:
                hi = max(hi, piece.hi)
                continue
            if hi - lo >= _MIN_EDGE:
                out.append(_Edge(at, lo, hi))
            lo, hi = piece.lo, piece.hi
        if hi - lo >= _MIN_EDGE:
            out.append(_Edge(at, lo, hi))
    return out


Point = tuple[float, float]


def _cells(horizontal: list[_Edge], vertical: list[_Edge]) -> list[Box]:
    """The smallest rectangles whose four corners are crossings of rules and whose four
    sides are drawn (as pdfplumber finds them)."""
    ys = [h.at for h in horizontal]
    order = sorted(range(len(horizontal)), key=lambda k: ys[k])
    sorted_ys = [ys[k] for k in order]
    crossings: dict[Point, tuple[set[int], set[int]]] = {}
    work = 0
    for v_id, v in enumerate(vertical):
        lo = bisect_left(sorted_ys, v.lo - _MEET)
        hi = bisect_right(sorted_ys, v.hi + _MEET)
        work += hi - lo
        if work > _MAX_PAIRS:
            return []  # hatching or a chart's grid, not a table: not worth the time
        for k in order[lo:hi]:
            h = horizontal[k]
            if h.lo - _MEET <= v.at <= h.hi + _MEET:
                v_ids, h_ids = crossings.setdefault((v.at, h.at), (set(), set()))
                v_ids.add(v_id)
                h_ids.add(k)
    if len(crossings) < 4 or len(crossings) > _MAX_CROSSINGS:
        return []
    down: dict[float, list[Point]] = {}  # x -> crossings on it, top first
    across: dict[float, list[Point]] = {}  # y -> crossings on it, left first
    for point in crossings:
        down.setdefault(point[0], []).append(point)
        across.setdefault(point[1], []).append(point)
    for column in down.values():
        column.sort(key=lambda p: -p[1])
    for row in across.values():
        row.sort()
    at_down = {p: n for column in down.values() for n, p in enumerate(column)}
    at_across = {p: n for row in across.values() for n, p in enumerate(row)}
    cells: list[Box] = []
    for point, (v_ids, h_ids) in crossings.items():
        # the crossings on the same rules below and to the right, nearest first: an edge is
        # one stretch of a line, so they follow one another until the rule ends
        below = _run(down[point[0]], at_down[point] + 1, v_ids, crossings, 0)
        right = _run(across[point[1]], at_across[point] + 1, h_ids, crossings, 1)
        cell = _first_cell(point, below, right, crossings)
        if cell is not None:
            cells.append(cell)
    return cells


def _run(
    line: list[Point],
    start: int,
    ids: set[int],
    crossings: dict[Point, tuple[set[int], set[int]]],
    side: int,
) -> list[Point]:
    out: list[Point] = []
    for p in line[start:]:
        if not crossings[p][side] & ids:
            break
        out.append(p)
    return out


def _first_cell(
    point: Point,
    below: list[Point],
    right: list[Point],
    crossings: dict[Point, tuple[set[int], set[int]]],
) -> Box | None:
    for b in below:
        for r in right:
            corner = crossings.get((r[0], b[1]))
            if corner is None:
                continue
            if corner[0] & crossings[r][0] and corner[1] & crossings[b][1]:
                return (point[0], b[1], r[0], point[1])
    return None


def _group_cells(cells: list[Box]) -> list[list[Box]]:
    """Cells that share a corner belong to one table."""
    parent = list(range(len(cells)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    seen: dict[Point, int] = {}
    for k, (x0, y0, x1, y1) in enumerate(cells):
        for corner in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
            if corner in seen:
                parent[find(k)] = find(seen[corner])
            else:
                seen[corner] = k
    groups: dict[int, list[Box]] = {}
    for k, cell in enumerate(cells):
        groups.setdefault(find(k), []).append(cell)
    return list(groups.values())


def _grid(cells: list[Box]) -> _Table:
    xs = sorted({c[0] for c in cells} | {c[2] for c in cells})
    ys = sorted({c[1] for c in cells} | {c[3] for c in cells})
    slots: dict[tuple[int, int], int] = {}
    for k, (x0, y0, x1, y1) in enumerate(cells):
        for col in range(xs.index(x0), xs.index(x1)):
            for row in range(ys.index(y0), ys.index(y1)):
                slots.setdefault((col, row), k)
    return _Table(cells, xs, ys, slots, top=ys[-1])


def _is_table(table: _Table) -> bool:
    """At least two columns and two rows of cells that start there."""
    starts_x = {c[0] for c in table.cells}
    starts_y = {c[3] for c in table.cells}
    return len(starts_x) >= 2 and len(starts_y) >= 2


def _owners(
    chars: list[str], boxes: list[Box], tables: list[_Table]
) -> tuple[list[int], list[int]]:
    """For each character, the table and the cell that hold its centre (-1: none, and
    always for spaces and line breaks, which belong to the text around them)."""
    owner = [-1] * len(chars)
    cell = [-1] * len(chars)
    frames = [(t.xs[0], t.ys[0], t.xs[-1], t.ys[-1]) for t in tables]
    for i, ch in enumerate(chars):
        if ch.isspace() or ch == "\x00":
            continue
        left, bottom, right, top = boxes[i]
        x = (left + right) / 2
        y = (bottom + top) / 2
        for k, (x0, y0, x1, y1) in enumerate(frames):
            if x0 <= x <= x1 and y0 <= y <= y1:
                slot = _slot(tables[k], x, y)
                if slot is not None:
                    owner[i] = k
                    cell[i] = slot
                    break
    return owner, cell


def _slot(table: _Table, x: float, y: float) -> int | None:
    col = min(bisect_right(table.xs, x) - 1, len(table.xs) - 2)
    row = min(bisect_right(table.ys, y) - 1, len(table.ys) - 2)
    return table.slots.get((col, row))


def _table_rows(
    table: _Table, chars: list[str], owner: list[int], cell: list[int], k: int
) -> list[str]:
    """One line per row, top first: "cell | cell | …" with a cell for each column where
    cells start; a merged cell's text stands in its first column and row, and the columns
    and rows it spans are empty there. Rows with no text at all are left out."""
    pieces: dict[int, list[str]] = {}
    previous: dict[int, int] = {}
    for i, ch in enumerate(chars):
        if owner[i] != k:
            continue
        c = cell[i]
        out = pieces.setdefault(c, [])
        if c in previous and previous[c] != i - 1:
            out.append(" ")  # a space, a line break or another cell's text came between
        if ch == "\x02":  # a hyphen that ends a line: "tế -" + "xã", or "NĐ-" + "CP"
            ch = "- " if i and chars[i - 1].isspace() else "-"
        out.append(ch)
        previous[c] = i
    starts_x = sorted({c[0] for c in table.cells})
    starts_y = sorted({c[3] for c in table.cells}, reverse=True)
    grid = [[""] * len(starts_x) for _ in starts_y]
    for c, (x0, _, _, y1) in enumerate(table.cells):
        text = " ".join("".join(pieces.get(c, [])).split())
        if text:
            grid[starts_y.index(y1)][starts_x.index(x0)] = text
    return [" | ".join(row) for row in grid if any(row)]


def _looks_scanned(page: pdfium.PdfPage, visible_chars: int) -> bool:
    """True for a page whose content is an image, or drawings with no text at all.

    A blank page (no objects) is not scanned. Only called for pages with next to no text,
    so the object walk does not cost anything on ordinary pages.
    """
    has_objects = False
    for obj in page.get_objects():
        if obj.type == pdfium_raw.FPDF_PAGEOBJ_IMAGE:
            return True
        has_objects = True
    return has_objects and visible_chars == 0


def _clean(text: str) -> str:
    """Unify line ends, restore end-of-line hyphens, drop NULs, compose to NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # PDFium reports a hyphen at the end of a line as \x02 and swallows the line break.
    text = text.replace("\x02", "-\n").replace("\x00", "")
    return unicodedata.normalize("NFC", text).strip()


def text_layer(pages: list[PdfPage], label: str | None) -> ReadResult:
    """The text of ``pages`` read from their text layer (see the module docstring)."""
    return _result(pages, label)


def _result(pages: list[_Page], label: str | None) -> ReadResult:
    if not pages:
        raise UnreadableFile(label, "tệp PDF không có trang nào / PDF has no pages")
    scanned = [number for number, page in enumerate(pages, start=1) if page.scanned]
    with_content = [page for page in pages if page.scanned or page.text]
    if scanned and len(scanned) == len(with_content):
        raise NeedsOCR(
            label,
            f"PDF dạng ảnh quét: {len(scanned)}/{len(pages)} trang không có lớp chữ, cần OCR / "
            f"scanned PDF: {len(scanned)} of {len(pages)} pages have no text layer; needs OCR",
        )
    warnings: tuple[str, ...] = ()
    if scanned:
        listed = ", ".join(map(str, scanned))
        warnings = (
            f"trang {listed} không có lớp chữ (ảnh quét), cần OCR / "
            f"page(s) {listed} have no text layer (scanned) and need OCR",
        )
    return ReadResult(
        text=PAGE_SEPARATOR.join(page.text for page in pages),
        format="pdf",
        pages=len(pages),
        needs_ocr=bool(scanned),
        warnings=warnings,
    )
