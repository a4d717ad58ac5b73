"""Readers: one contract for every input format, chosen by content first, extension second.

Public API::

    read_file(path, *, max_bytes=MAX_FILE_BYTES) -> ReadResult
    read_bytes(data, name="", *, max_bytes=MAX_FILE_BYTES) -> ReadResult
    detect_format(data, name="") -> str
    get_reader(format) -> Reader
    register_reader(format, reader) -> None

Every reader returns a :class:`~chidao.extract.model.ReadResult` whose ``text`` is NFC
with ``"\\n"`` line ends, and every failure is an :class:`~chidao.extract.errors.ExtractError`
that names the file and says why (Vietnamese first, English after the slash):

- :class:`UnsupportedFormat`: other Office/ZIP files, RTF, binary data, an old Word
  ``.doc`` on a machine without LibreOffice (the message says what to install);
- :class:`UnreadableFile`: missing, empty, corrupt, encrypted, or undecodable input;
- :class:`NeedsOCR` (``OcrUnavailable``): an image or a scanned PDF on a machine without
  Tesseract's Vietnamese model (the message says what to install);
- :class:`FileTooLarge`: more than ``max_bytes`` (200 MiB by default).

The format is sniffed from the bytes (see :func:`detect_format`); the file name only
separates Markdown from plain text and breaks a few ties. So a ``.txt`` holding HTML is
read as HTML and a ``.pdf`` holding text is read as text.

Heavy libraries (trafilatura, python-docx, pypdfium2) are imported on first use of their
reader, so reading a text file costs no more than decoding it.
"""

from __future__ import annotations

import importlib
import io
import zipfile
from pathlib import Path
from typing import Protocol

from chidao.common.filetypes import SUFFIXES  # the one list of file types (re-exported)
from chidao.extract.errors import FileTooLarge, UnreadableFile, UnsupportedFormat
from chidao.extract.model import ReadResult

__all__ = [
    "FORMATS",
    "MAX_FILE_BYTES",
    "SUFFIXES",
    "Reader",
    "detect_format",
    "get_reader",
    "read_bytes",
    "read_file",
    "register_reader",
]

MAX_FILE_BYTES = 200 * 1024 * 1024
FORMATS = ("text", "markdown", "html", "docx", "doc", "pdf", "image")


class Reader(Protocol):
    """Turns the bytes of one format into a :class:`ReadResult`.

    ``name`` is the file name or path, used in error messages and to break ties; a reader
    raises an ``ExtractError`` subclass (never a library's own exception) on bad input.
    """

    def read(self, data: bytes, name: str) -> ReadResult: ...


# Readers are created on first use: importing trafilatura alone takes a good part of a
# second, which a batch of text files should not pay.
_LAZY_READERS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "text": ("chidao.extract.readers.text", "TextReader", ("text",)),
    "markdown": ("chidao.extract.readers.text", "TextReader", ("markdown",)),
    "html": ("chidao.extract.readers.html", "HtmlReader", ()),
    "docx": ("chidao.extract.readers.docx", "DocxReader", ()),
    "doc": ("chidao.extract.readers.doc", "DocReader", ()),  # through LibreOffice
    # scans are read like the rest: the OCR readers keep a PDF's text layer and OCR only
    # what has none (or say what to install when Tesseract is missing)
    "pdf": ("chidao.extract.readers.ocr", "PdfReader", ()),
    "image": ("chidao.extract.readers.ocr", "ImageReader", ()),
}
_READERS: dict[str, Reader] = {}


def register_reader(format: str, reader: Reader) -> None:
    """Use ``reader`` for ``format`` from now on (e.g. an OCR-capable PDF reader)."""
    _READERS[format] = reader


def get_reader(format: str) -> Reader:
    """The reader registered for ``format``; raises ``KeyError`` for an unknown format."""
    reader = _READERS.get(format)
    if reader is None:
        module_name, class_name, args = _LAZY_READERS[format]
        cls = getattr(importlib.import_module(module_name), class_name)
        reader = _READERS[format] = cls(*args)
    return reader


def read_file(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES) -> ReadResult:
    """Read the file at ``path`` in whatever supported format its content is."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > max_bytes:
            raise FileTooLarge(name, _too_large(size, max_bytes))
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableFile(name, "không tìm thấy tệp / file not found") from None
    except IsADirectoryError:
        raise UnreadableFile(name, "đây là thư mục, không phải tệp / is a directory") from None
    except PermissionError:
        raise UnreadableFile(name, "không có quyền đọc tệp / permission denied") from None
    except OSError as exc:
        raise UnreadableFile(name, f"không đọc được tệp / cannot read file: {exc}") from exc
    return read_bytes(data, name, max_bytes=max_bytes)


def read_bytes(data: bytes, name: str = "", *, max_bytes: int = MAX_FILE_BYTES) -> ReadResult:
    """Read ``data`` (the content of a file called ``name``, if known).

    A document that yields no text at all (only whitespace) raises ``UnreadableFile``.
    """
    if len(data) > max_bytes:
        raise FileTooLarge(name or None, _too_large(len(data), max_bytes))
    result = get_reader(detect_format(data, name)).read(data, name)
    if not result.text.strip():
        raise UnreadableFile(
            name or None, "không có nội dung văn bản / the document contains no text"
        )
    return result


def _too_large(size: int, limit: int) -> str:
    return (
        f"tệp quá lớn ({_size(size)}, giới hạn {_size(limit)}) / "
        f"file too large ({_size(size)}, limit {_size(limit)})"
    )


def _size(count: int) -> str:
    mib = 1024 * 1024
    return f"{count / mib:.1f} MiB" if count >= mib else f"{count} bytes"


# --------------------------------------------------------------------------------------
# Sniffing
# --------------------------------------------------------------------------------------

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# The name of a Word document's main stream in an OLE2 directory entry (UTF-16LE).
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
)
_HTML_MARKERS = ("<!doctype html", "<html", "<head", "<body")
_SNIFF_BYTES = 8192
# Binary data: NUL bytes beyond a stray one or two, or many control characters. Tab, line
# feed, vertical tab, form feed, carriage return, ESC and the DOS end-of-file mark occur in
# text; VISCII uses six C0 bytes as capitals, which the 5% threshold easily tolerates.
_MAX_NUL_SHARE = 0.002
_MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1a\x1b")
_NOT_SUSPICIOUS = bytes(b for b in range(256) if b >= 0x20 or b in _TEXT_CONTROLS)


def detect_format(data: bytes, name: str = "") -> str:
    """The format of ``data``: one of :data:`FORMATS`, or an ``ExtractError``.

    Decided by content: ``%PDF`` is PDF; a ZIP holding ``word/document.xml`` is DOCX
    (another ZIP is unsupported, a broken one unreadable); an HTML tag near the start is
    HTML; PNG, JPEG, TIFF and GIF are images (read by OCR); OLE2 holding a
    ``WordDocument`` stream is an old Word ``.doc``; other OLE2 (.xls, .ppt), RTF and
    binary data are unsupported;
    anything else is text, Markdown if the name ends in ``.md``/``.markdown``.
    """
    label = name or None
    head = data[:_SNIFF_BYTES]
    if not head.strip() and not data.strip():
        raise UnreadableFile(label, "tệp rỗng / empty file")
    if _is_pdf(head, name):
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(data, label)
    if head.startswith(_OLE2_MAGIC):
        if _WORD_STREAM in data:
            return "doc"
        raise UnsupportedFormat(
            label,
            "tệp Office cũ (Excel, PowerPoint 97-2003) chưa được hỗ trợ / "
            "old Office file (Excel, PowerPoint 97-2003) is not supported",
        )
    if any(head.startswith(magic) for magic, _ in _IMAGE_MAGIC):
        return "image"
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormat(
            label, "tệp RTF chưa được hỗ trợ, hãy lưu lại dưới dạng .docx / RTF: save as .docx"
        )
    if _looks_like_html(head):
        return "html"
    if _looks_binary(head):
        raise UnsupportedFormat(
            label, "tệp nhị phân, không phải văn bản / binary data, not a document format"
        )
    return "markdown" if name.lower().endswith((".md", ".markdown")) else "text"


def _is_pdf(head: bytes, name: str) -> bool:
    # The header must open the file, but PDF readers (pdfium included) accept junk before
    # it; honour that only for files that also call themselves .pdf.
    if head.lstrip().startswith(b"%PDF-"):
        return True
    return name.lower().endswith(".pdf") and b"%PDF-" in head[:1024]


def _zip_format(data: bytes, label: str | None) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise UnreadableFile(
            label, f"tệp ZIP/DOCX bị hỏng / corrupt ZIP or DOCX file ({exc})"
        ) from exc
    if "word/document.xml" in names:
        return "docx"
    raise UnsupportedFormat(label, _zip_kind(names))


def _zip_kind(names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "bảng tính Excel (.xlsx) chưa được hỗ trợ / Excel workbook is not supported"
    if "ppt/presentation.xml" in names:
        return "tệp PowerPoint (.pptx) chưa được hỗ trợ / PowerPoint is not supported"
    if "content.xml" in names:
        return (
            "tệp OpenDocument (.odt) chưa được hỗ trợ, hãy lưu lại dưới dạng .docx / "
            "OpenDocument file: save as .docx"
        )
    return "tệp ZIP không chứa văn bản Word / ZIP archive without a Word document"


def _looks_like_html(head: bytes) -> bool:
    """An HTML tag within the first KiB of a file that opens with markup."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head[2:].decode("utf-16-le" if head[0] == 0xFF else "utf-16-be", "ignore")
    else:
        # Latin-1 maps bytes one to one: enough to find ASCII tags in any 8-bit encoding.
        text = head.decode("latin-1").removeprefix("\xef\xbb\xbf")
    text = text.lstrip()
    if not text.startswith("<"):
        return False
    start = text[:1024].lower()
    return any(marker in start for marker in _HTML_MARKERS)


def _looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a BOM: half its bytes are NUL for ASCII text
    if head.count(0) > len(head) * _MAX_NUL_SHARE:
        return True
    # translate() deletes every byte that is not a suspicious control, in C: what is left
    # is the count, without a Python-level loop over the bytes.
    controls = len(head.translate(None, _NOT_SUSPICIOUS))
    return controls > len(head) * _MAX_CONTROL_SHARE
