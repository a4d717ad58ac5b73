"""Images: scans and phone photos (PNG, JPEG, TIFF with any number of pages, GIF), as
pages for the OCR reader (``chidao.extract.readers.ocr``, which reads them).

Every frame of a multi-page TIFF is a page. A phone photo's EXIF orientation is applied
first; Tesseract's orientation detection and the deskew handle the rest (see
``chidao.extract.readers.ocr``). Corrupt images and decompression bombs (more pixels than
Pillow's limit) raise :class:`UnreadableFile`.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING

from chidao.extract.errors import UnreadableFile

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["frames"]

MAX_PAGES = 500
_CORRUPT = "ảnh quét bị hỏng, không OCR được / corrupt scanned image, cannot OCR it"


def frames(data: bytes, name: str) -> Iterator[Image]:
    """The pages of an image file, upright by its EXIF orientation, one at a time."""
    from PIL import Image as PILImage
    from PIL import ImageOps, ImageSequence

    label = name or None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data))
            image.load()
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as exc:
        raise UnreadableFile(label, f"ảnh quá lớn / image too large ({exc})") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise UnreadableFile(label, _CORRUPT) from exc
    dpi = image.info.get("dpi")
    count = 0
    try:
        for frame in ImageSequence.Iterator(image):
            count += 1
            if count > MAX_PAGES:
                raise UnreadableFile(label, f"ảnh có hơn {MAX_PAGES} trang / too many pages")
            page = ImageOps.exif_transpose(frame.copy())
            if dpi and "dpi" not in page.info:
                page.info["dpi"] = dpi
            yield page
    except (OSError, ValueError, SyntaxError) as exc:
        raise UnreadableFile(label, f"{_CORRUPT} ({exc})") from exc
