"""OCR speed: seconds per page with 1 and 2 Tesseract processes (``OMP_THREAD_LIMIT=1``).

Renders the project's sample directives as 200 dpi scans (tilted, blurred, speckled: see
tests/ocr_support.py), OCRs every page with 1 then 2 processes, and prints a table with
the time per page and the character accuracy of each read (the lowest of its documents:
1 - edit distance / length, tests/ocr_support.char_accuracy). Run:
``.venv/bin/python bench/bench_ocr.py [--pages N]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from PIL.Image import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chidao.extract.pipeline import extract_file  # noqa: E402
from chidao.extract.readers.ocr import OcrPage, assemble, ocr_available, ocr_images  # noqa: E402
from tests.ocr_support import char_accuracy, scan_pages  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=6, help="pages to OCR per run (at least)")
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    if not ocr_available():
        print("Tesseract with the Vietnamese model is not installed", file=sys.stderr)
        return 1
    samples = sorted([*(ROOT / "samples").glob("*.txt"), *(ROOT / "samples").glob("*.md")])
    texts = [extract_file(p, today=date(2026, 11, 21)).text for p in samples]
    documents = []  # (text, its scanned pages): whole documents, so each can be scored
    for seed, text in enumerate(texts * args.pages, start=1):
        documents.append((text, scan_pages(text, dpi=args.dpi, seed=seed)))
        if sum(len(scans) for _, scans in documents) >= args.pages:
            break
    pages = [page for _, scans in documents for page in scans]
    print(f"{len(pages)} pages of {len(documents)} documents at {args.dpi} dpi")
    print(f"{'processes':>9} | {'total s':>8} | {'s/page':>7} | {'speed-up':>8} | {'accuracy':>8}")
    base = None
    for jobs in (1, 2):
        started = time.perf_counter()
        read = ocr_images(pages, jobs=jobs)
        secs = time.perf_counter() - started
        base = base or secs
        accuracy = _accuracy(documents, read)
        print(
            f"{jobs:>9} | {secs:8.1f} | {secs / len(pages):7.2f} | {base / secs:7.2f}x"
            f" | {accuracy:8.2%}"
        )
    return 0


def _accuracy(documents: list[tuple[str, list[Image]]], read: list[OcrPage]) -> float:
    """The lowest character accuracy of the documents (their pages in order in ``read``)."""
    scores, at = [], 0
    for text, scans in documents:
        pages = read[at : at + len(scans)]
        at += len(scans)
        scores.append(char_accuracy(text, assemble(pages, "image", "bench").text))
    return min(scores)


if __name__ == "__main__":
    sys.exit(main())
