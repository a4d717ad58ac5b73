"""PDF: the text layer, page by page, through pypdfium2.

Contract:

- Pages are joined by ``"\\n\\f\\n"``: a form feed on a line of its own. ``text.split("\\f")``
  gives the pages back, and to anything that splits paragraphs on blank lines the form-feed
  line is blank (``"\\f".strip() == ""``), so no paragraph runs across a page break.
- Lines end in ``"\\n"``. A hyphen that ends a line stays a hyphen followed by a line break:
  Vietnamese words are not hyphenated across lines, so such a hyphen is a real one (PDFium
  reports it as a "soft hyphen" and drops the break; both are put back).
- A page with (almost) no text layer but with an image, or with drawings and no text at
  all, is a scanned page. All content pages scanned: :class:`NeedsOCR` saying how many.
  Some: the text is returned with ``needs_ocr=True`` and a warning naming those pages.
- Password-protected, corrupt or page-less files raise :class:`UnreadableFile`. A PDF
  that is encrypted only against editing (an owner password, no user password) opens
  and is read normally.

PDFium is not thread-safe, so reads are serialised by a process-wide lock.

The OCR reader (``chidao.extract.readers.ocr``) builds on :func:`read_pages` and
:func:`render_pages` to OCR only the scanned pages and keep the text layer of the others.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_raw

from chidao.extract.errors import NeedsOCR, UnreadableFile
from chidao.extract.model import ReadResult

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["PAGE_SEPARATOR", "PdfPage", "PdfReader", "read_pages", "render_pages"]

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
    """The page's text layer, with what its signature fields show put back in place.

    A signed document often carries its number and day only in form fields stamped at
    signing ("Số: 115/KH-SNNMT" where the text layer says "Số: /KH-SNNMT"): such fields
    are flattened into the page and each word they show is inserted into the line it
    stands on, where its position says."""
    textpage = page.get_textpage()
    try:
        text: str = textpage.get_text_bounded()
        count = textpage.count_chars()
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
            return _splice_fields(textpage, count) or text
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


def _splice_fields(textpage: pdfium.PdfTextPage, count: int) -> str | None:
    """The text of the first ``count`` characters (the page before flattening) with the
    words that flattening added inserted on their lines; None when it added none."""
    total = textpage.count_chars()
    chars = list(textpage.get_text_range(0, total))
    if total <= count or len(chars) != total or chars[:count] == []:
        return None
    boxes: list[Box] = [textpage.get_charbox(i) for i in range(total)]
    inserts: dict[int, list[str]] = {}
    for word, box in _words(chars, boxes, count, total):
        at = _insertion_point(chars, boxes, count, box)
        if at is not None:
            inserts.setdefault(at, []).append(word)
    if not inserts:
        return None
    out: list[str] = []
    for i in range(count + 1):
        for word in inserts.get(i, []):
            before = out[-1][-1:] if out else ""
            after = chars[i] if i < count else ""
            pad_left = "" if not before or before.isspace() else " "
            pad_right = " " if after.isalnum() else ""
            out.append(pad_left + word + pad_right)
        if i < count:
            out.append(chars[i])
    return "".join(out)


def _words(chars: list[str], boxes: list[Box], start: int, end: int) -> Iterator[tuple[str, Box]]:
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
            yield "".join(chars[j] for j in word), (left, bottom, right, top)
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
