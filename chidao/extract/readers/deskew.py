"""Straighten a slightly skewed page (a crooked scan or phone photo), with Pillow only.

Projection profile: on an upright page the lines of text make the ink per row jump
between full (a line) and empty (the gap between lines); turned by the right angle, the
row profile is as spiky as it gets. The angle is searched coarse then fine, on a small
black-and-white copy, and the page is turned only when that clearly beats leaving it.
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL.Image import Image

__all__ = ["find_skew", "grey"]

_WORK_WIDTH = 1000  # pixels: 0.1° is still 1.7 pixels across the page
_INK = 160  # grey levels under this are ink
_MIN_ANGLE = 0.2  # degrees: less is not worth resampling the page
_GAIN = 1.05  # the best angle must beat no turn at all by this much


def grey(image: Image) -> Image:
    """The image as 8-bit greyscale, transparency flattened onto white paper."""
    from PIL import Image as PILImage

    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        paper = PILImage.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = PILImage.alpha_composite(paper, rgba)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda v: v / 256)
    return image.convert("L") if image.mode != "L" else image


def find_skew(page: Image, *, max_angle: float = 5.0) -> float:
    """Degrees (counter-clockwise, for ``Image.rotate``) that straighten ``page``; 0.0 if
    it is straight, or has too little text to tell."""
    ink = _ink(page)
    if ink.getbbox() is None:
        return 0.0
    flat = _score(ink, 0.0)
    coarse = [a / 2 for a in range(int(-max_angle * 2), int(max_angle * 2) + 1)]
    best = max(coarse, key=lambda a: (_score(ink, a), -abs(a)))
    fine = [best + a / 10 for a in range(-5, 6) if abs(best + a / 10) <= max_angle]
    best = max(fine, key=lambda a: (_score(ink, a), -abs(a)))
    if abs(best) < _MIN_ANGLE or _score(ink, best) < flat * _GAIN:
        return 0.0
    return round(best, 1)


def _ink(page: Image) -> Image:
    from PIL import Image as PILImage

    scale = min(1.0, _WORK_WIDTH / max(1, page.width))
    small = page.resize(
        (max(1, int(page.width * scale)), max(1, int(page.height * scale))),
        PILImage.Resampling.BOX,
    )
    return small.point(lambda v: 255 if v < _INK else 0)


def _score(ink: Image, angle: float) -> float:
    """How spiky the row profile is at ``angle``: the sum of squared row-to-row changes."""
    from PIL import Image as PILImage

    turned = ink.rotate(angle, resample=PILImage.Resampling.NEAREST, fillcolor=0)
    profile = turned.convert("F").resize((1, turned.height), PILImage.Resampling.BOX)
    rows = [float(v) for v in profile.get_flattened_data()]  # type: ignore[arg-type]
    return float(sum((b - a) ** 2 for a, b in itertools.pairwise(rows)))
