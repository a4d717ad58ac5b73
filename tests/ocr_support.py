"""Scans made to order: text set in DejaVu Serif on A4 pages, tilted, blurred and speckled.

Shared by the OCR tests and ``bench/bench_ocr.py``; Pillow only, seeded, so the same text
gives the same pixels on every run.
"""

from __future__ import annotations

import random
import re
import unicodedata
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
A4_MM = (210, 297)
MARGIN_MM = 20


def scan_pages(
    text: str,
    *,
    dpi: int = 200,
    tilt: float = 1.5,
    blur: float = 0.6,
    noise: float = 0.08,
    seed: int = 1,
    point_size: float = 12,
) -> list[Image.Image]:
    """``text`` laid out on as many A4 pages as it takes, each degraded like a scan."""
    font = ImageFont.truetype(str(SERIF), round(point_size * dpi / 72))
    width, height = (round(mm / 25.4 * dpi) for mm in A4_MM)
    margin = round(MARGIN_MM / 25.4 * dpi)
    line_height = round(point_size * 1.5 * dpi / 72)
    lines = [w for para in text.split("\n") for w in _wrap(para, font, width - 2 * margin)]
    per_page = (height - 2 * margin) // line_height
    rng = random.Random(seed)
    pages = []
    for first in range(0, max(1, len(lines)), per_page):
        page = Image.new("L", (width, height), 255)
        draw = ImageDraw.Draw(page)
        for n, line in enumerate(lines[first : first + per_page]):
            draw.text((margin, margin + n * line_height), line, font=font, fill=20)
        pages.append(_degrade(page, tilt=tilt, blur=blur, noise=noise, rng=rng, dpi=dpi))
    return pages


def _wrap(paragraph: str, font: ImageFont.FreeTypeFont, room: int) -> list[str]:
    if not paragraph.strip():
        return [""]
    lines: list[str] = []
    current = ""
    for word in paragraph.split():
        trial = f"{current} {word}" if current else word
        if current and font.getlength(trial) > room:
            lines.append(current)
            current = word
        else:
            current = trial
    lines.append(current)
    return lines


def _degrade(
    page: Image.Image, *, tilt: float, blur: float, noise: float, rng: random.Random, dpi: int
) -> Image.Image:
    if tilt:
        page = page.rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=255)
    if blur:
        page = page.filter(ImageFilter.GaussianBlur(blur))
    if noise:
        grain = Image.effect_noise(page.size, 40).point(lambda v: v)
        page = Image.blend(page, grain, noise)
        draw = ImageDraw.Draw(page)
        for _ in range(page.width * page.height // 4000):  # dust specks
            x, y = rng.randrange(page.width), rng.randrange(page.height)
            draw.point((x, y), fill=rng.choice((0, 60, 255)))
    page.info["dpi"] = (dpi, dpi)
    return page


def char_accuracy(expected: str, got: str) -> float:
    """1 - Levenshtein distance / length, both sides NFC with whitespace collapsed."""
    a, b = _flat(expected), _flat(got)
    return 1 - levenshtein(a, b) / max(1, len(a))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def levenshtein(a: str, b: str) -> int:
    """Edit distance (insert, delete, substitute: one each), two rows of memory."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]
