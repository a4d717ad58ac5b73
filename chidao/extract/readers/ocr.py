"""OCR: scanned pages and images through Tesseract's Vietnamese model.

Public API::

    ImageReader, PdfReader      # the readers of the "image" and "pdf" formats (registered)
    read_file_with_ocr(path) -> ReadResult   # = read_file: OCR is part of reading now
    read_bytes_with_ocr(data, name="") -> ReadResult
    ocr_images(images, *, jobs=None) -> list[OcrPage]
    ocr_available() -> bool
    require_ocr(path, reason) -> None                       # raises OcrUnavailable

Contract:

- Only what has no text: a PDF's text layer is kept page by page and only its scanned
  pages are rendered (300 dpi, greyscale) and OCR'd; an image (PNG, JPEG, TIFF, all its
  pages) is OCR'd whole. Other formats are read as :func:`read_file` reads them.
- Each page is turned upright first: Tesseract's orientation detection (``--psm 0``) for
  90/180/270°, then a projection-profile search for a small skew (±5°), with Pillow only.
- Each page keeps its confidence: the mean word confidence (0-100) of Tesseract's TSV
  output, in ``ReadResult.pages_confidence`` (None for a page read from its text layer).
  Pages under :data:`LOW_CONFIDENCE` are named in the warnings.
- Tesseract runs single-threaded per page (``OMP_THREAD_LIMIT=1``) and pages are spread
  over a pool of Tesseract processes, one per core by default: on two cores that is
  much faster than one Tesseract using its own threads.
- No Tesseract, or no Vietnamese model: :class:`OcrUnavailable` (E105, a kind of
  ``NeedsOCR``) saying what to install. A PDF with some text-layer pages is still read,
  with a warning that its scanned pages were left out.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import unicodedata
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from chidao.extract.errors import NeedsOCR, UnreadableFile
from chidao.extract.model import ReadResult
from chidao.extract.readers import MAX_FILE_BYTES, read_bytes, read_file

if TYPE_CHECKING:
    from PIL.Image import Image, Resampling

    from chidao.extract.readers.pdf import PdfPage

# The PDF reader (pypdfium2) and Pillow are imported on first use: reading a text file
# through this module costs no more than through ``read_file``.
PAGE_SEPARATOR = "\n\f\n"  # as chidao.extract.readers.pdf.PAGE_SEPARATOR

__all__ = [
    "LOW_CONFIDENCE",
    "ImageReader",
    "OcrPage",
    "OcrUnavailable",
    "PdfReader",
    "ocr_available",
    "ocr_images",
    "read_bytes_with_ocr",
    "read_file_with_ocr",
    "require_ocr",
]

LANG = "vie"
RENDER_DPI = 300
LOW_CONFIDENCE = 80.0  # a page under this mean word confidence is worth a second look
MAX_SKEW = 5.0  # degrees searched either way
_OSD_LONG_SIDE = 1750
_TIMEOUT_S = 300  # one page; a page that takes longer is broken, not slow
_INSTALL = "apt-get install tesseract-ocr tesseract-ocr-vie"


class OcrUnavailable(NeedsOCR):
    """The document needs OCR and this machine cannot do it (Tesseract or model missing)."""

    code = "E105"


@dataclass(frozen=True, slots=True)
class OcrPage:
    """One OCR'd page: its text (NFC), mean word confidence, and how it was straightened."""

    text: str
    confidence: float
    rotated: int = 0  # degrees turned (counter-clockwise) to make it upright
    skew: float = 0.0  # degrees turned to straighten it


# --- availability ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _languages() -> frozenset[str] | None:
    """Tesseract's installed models, or None without a working ``tesseract``."""
    if shutil.which("tesseract") is None:
        return None
    try:
        out = subprocess.run(
            ["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30, check=True
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def ocr_available() -> bool:
    """True when Tesseract and its Vietnamese model are installed."""
    langs = _languages()
    return langs is not None and LANG in langs


def require_ocr(path: str | None, reason: str) -> None:
    """Raise :class:`OcrUnavailable` (naming ``path`` and why OCR was needed) unless OCR works."""
    langs = _languages()
    if langs is None:
        missing = "chưa cài Tesseract OCR / Tesseract OCR is not installed"
    elif LANG not in langs:
        missing = "thiếu mô hình tiếng Việt của Tesseract / Tesseract's Vietnamese model is missing"
    else:
        return
    raise OcrUnavailable(path, f"{reason}; {missing}: {_INSTALL}")


# --- reading ---------------------------------------------------------------------------


class ImageReader:
    """The reader of the "image" format (PNG, JPEG, TIFF, GIF): every page OCR'd."""

    def read(self, data: bytes, name: str) -> ReadResult:
        return read_image(data, name)


class PdfReader:
    """The reader of the "pdf" format: the text layer page by page, and the scanned pages
    OCR'd where Tesseract is installed. Without it, a PDF that is all scans raises
    :class:`OcrUnavailable` saying what to install; one with some text is read, with a
    warning that its scanned pages were left out."""

    def read(self, data: bytes, name: str) -> ReadResult:
        from chidao.extract.readers import pdf

        pages = pdf.read_pages(data, name)
        scanned = [i for i, page in enumerate(pages) if page.scanned]
        if scanned and ocr_available():
            images = pdf.render_pages(data, name, scanned, dpi=RENDER_DPI)
            done = dict(zip(scanned, ocr_images(images), strict=True))
            return assemble([done.get(i, page) for i, page in enumerate(pages)], "pdf", name)
        try:
            result = pdf.text_layer(pages, name or None)
        except NeedsOCR as exc:
            require_ocr(exc.path, exc.reason)
            raise
        if result.needs_ocr:
            reason = "chưa cài Tesseract nên các trang quét bị bỏ qua / no Tesseract: scans skipped"
            return replace(result, warnings=(*result.warnings, f"{reason} ({_INSTALL})"))
        return result


def read_file_with_ocr(path: Path | str, *, max_bytes: int = MAX_FILE_BYTES) -> ReadResult:
    """:func:`read_file`: scans and images are read through OCR by the registered readers
    (kept for callers that name OCR)."""
    return read_file(path, max_bytes=max_bytes)


def read_bytes_with_ocr(
    data: bytes, name: str = "", *, max_bytes: int = MAX_FILE_BYTES
) -> ReadResult:
    """:func:`read_bytes`, as :func:`read_file_with_ocr` is :func:`read_file`."""
    return read_bytes(data, name, max_bytes=max_bytes)


def read_image(data: bytes, name: str, *, jobs: int | None = None) -> ReadResult:
    """An image file's pages OCR'd (``jobs`` Tesseract processes, default one per core)."""
    from chidao.extract.readers.image import frames

    require_ocr(name or None, "ảnh quét cần OCR / scanned image needs OCR")
    return assemble(list(ocr_images(frames(data, name), jobs=jobs)), "image", name)


def assemble(pages: list[OcrPage | PdfPage], format: str, name: str) -> ReadResult:
    """One ReadResult from pages read either way; warns about pages of low confidence."""
    texts = [page.text for page in pages]
    confidence = tuple(p.confidence if isinstance(p, OcrPage) else None for p in pages)
    low = [str(n) for n, c in enumerate(confidence, 1) if c is not None and c < LOW_CONFIDENCE]
    warnings: tuple[str, ...] = ()
    if low:
        listed = ", ".join(low)
        warnings = (
            f"trang {listed}: OCR có độ tin cậy thấp (dưới {LOW_CONFIDENCE:.0f}%), cần đối chiếu "
            f"với bản gốc / page(s) {listed}: low OCR confidence, check against the original",
        )
    if not "".join(texts).strip():
        raise UnreadableFile(
            name or None, "OCR không nhận ra chữ nào / OCR found no text in the scanned pages"
        )
    return ReadResult(
        text=PAGE_SEPARATOR.join(texts),
        format=format,
        pages=len(pages),
        warnings=warnings,
        pages_confidence=confidence,
    )


# --- the pool --------------------------------------------------------------------------


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def ocr_images(images: Iterable[Image], *, jobs: int | None = None) -> list[OcrPage]:
    """OCR each image (one page), ``jobs`` Tesseract processes at a time, in order.

    Images are taken from ``images`` only as workers free up, so a long scan is never
    all in memory at once.
    """
    workers = jobs or default_jobs()
    if workers == 1:
        return [ocr_page(image) for image in images]
    results: list[Future[OcrPage]] = []
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        # Threads are enough: each waits on its own Tesseract process, and Pillow's
        # image work releases the GIL. No fork of a process that holds PDFium's lock.
        for image in _bounded(images, results, 2 * workers):
            results.append(pool.submit(ocr_page, image))
        return [future.result() for future in results]


def _bounded(
    images: Iterable[Image], submitted: list[Future[OcrPage]], ahead: int
) -> Iterator[Image]:
    for image in images:
        pending = [f for f in submitted if not f.done()]
        if len(pending) >= ahead:
            pending[0].result()
        yield image


# --- one page --------------------------------------------------------------------------


def ocr_page(image: Image) -> OcrPage:
    """Straighten one page image and OCR it; see the module docstring."""
    from chidao.extract.readers.deskew import find_skew, grey

    page = grey(image)
    dpi = _dpi(image)
    with tempfile.TemporaryDirectory(prefix="chidao-ocr-") as tmp:
        folder = Path(tmp)
        rotated = _orientation(page, folder, dpi)
        if rotated:
            page = page.rotate(rotated, expand=True, fillcolor=255)
        skew = find_skew(page, max_angle=MAX_SKEW)
        if skew:
            page = page.rotate(skew, expand=True, fillcolor=255, resample=_bilinear())
        source = folder / "page.pgm"
        page.save(source)
        text, confidence = _recognise(source, folder / "out", dpi)
    return OcrPage(text=text, confidence=confidence, rotated=rotated, skew=skew)


def _bilinear() -> Resampling:
    from PIL.Image import Resampling

    return Resampling.BILINEAR


def _dpi(image: Image) -> int:
    dpi = image.info.get("dpi")
    try:
        value = round(float(dpi[0])) if dpi else 0
    except (TypeError, ValueError, IndexError):
        value = 0
    return value if 70 <= value <= 1200 else RENDER_DPI


def _tesseract(args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(
        ["tesseract", *args], capture_output=True, text=True, env=env, timeout=_TIMEOUT_S
    )


def _orientation(page: Image, folder: Path, dpi: int) -> int:
    """Degrees (0, 90, 180, 270, counter-clockwise) that make the page upright.

    Orientation needs no fine detail: it is detected on a copy about 1,750 pixels long
    (an A4 page at 150 dpi), which halves its cost at 300 dpi. Too little text to tell: 0.
    """
    scale = min(1.0, _OSD_LONG_SIDE / max(page.size))
    small = page.resize((max(1, int(page.width * scale)), max(1, int(page.height * scale))))
    source = folder / "osd.pgm"
    small.save(source)
    osd_dpi = max(70, int(dpi * scale))
    done = _tesseract([str(source), "stdout", "--psm", "0", "--dpi", str(osd_dpi)])
    return parse_osd(done.stdout) if done.returncode == 0 else 0


def parse_osd(output: str) -> int:
    """The counter-clockwise turn (for ``Image.rotate``) from Tesseract's OSD report."""
    fields = {}
    for line in output.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    try:
        rotate = int(fields.get("Rotate", "0"))
        confidence = float(fields.get("Orientation confidence", "0"))
    except ValueError:
        return 0
    # Tesseract's "Rotate" is clockwise; a weak guess is no reason to turn a page.
    return (360 - rotate) % 360 if rotate and confidence >= 1.0 else 0


def _recognise(source: Path, out: Path, dpi: int) -> tuple[str, float]:
    done = _tesseract(
        [str(source), str(out), "-l", LANG, "--psm", "3", "--dpi", str(dpi), "txt", "tsv"]
    )
    if done.returncode != 0:
        raise UnreadableFile(
            None, f"Tesseract không đọc được trang / Tesseract failed: {done.stderr.strip()[:300]}"
        )
    text = out.with_suffix(".txt").read_text(encoding="utf-8")
    tsv = out.with_suffix(".tsv").read_text(encoding="utf-8")
    return _clean(text), mean_confidence(tsv)


def _clean(text: str) -> str:
    # Tesseract ends each page with a form feed: the page separator is ours to add.
    text = text.replace("\f", "").replace("\r\n", "\n")
    return unicodedata.normalize("NFC", text).strip()


def mean_confidence(tsv: str) -> float:
    """Mean confidence of the recognised words in Tesseract's TSV output (0 for none)."""
    values: list[float] = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) >= 12 and cols[0] == "5" and cols[11].strip():
            try:
                conf = float(cols[10])
            except ValueError:
                continue
            if conf >= 0:
                values.append(conf)
    return round(sum(values) / len(values), 1) if values else 0.0
