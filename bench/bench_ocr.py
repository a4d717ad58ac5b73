"""OCR speed: seconds per page with 1 and 2 Tesseract processes (``OMP_THREAD_LIMIT=1``).

Renders the project's sample directives as 200 dpi scans (tilted, blurred, speckled: see
tests/ocr_support.py), OCRs every page with 1 then 2 processes, and prints a table with
the character accuracy. Run: ``.venv/bin/python bench/bench_ocr.py [--pages N]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chidao.extract.pipeline import extract_file  # noqa: E402
from chidao.extract.readers.ocr import ocr_available, ocr_images  # noqa: E402
from tests.ocr_support import scan_pages  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=6, help="pages to OCR per run")
    parser.add_argument("--dpi", type=int, default=200)
    args = parser.parse_args()
    if not ocr_available():
        print("Tesseract with the Vietnamese model is not installed", file=sys.stderr)
        return 1
    samples = sorted([*(ROOT / "samples").glob("*.txt"), *(ROOT / "samples").glob("*.md")])
    texts = [extract_file(p, today=date(2026, 11, 21)).text for p in samples]
    pages = []
    for seed, text in enumerate(texts * args.pages, start=1):
        pages.extend((text, page) for page in scan_pages(text, dpi=args.dpi, seed=seed))
        if len(pages) >= args.pages:
            break
    pages = pages[: args.pages]
    print(f"{len(pages)} pages at {args.dpi} dpi")
    print(f"{'processes':>9} | {'total s':>8} | {'s/page':>7} | {'speed-up':>8}")
    base = None
    for jobs in (1, 2):
        started = time.perf_counter()
        ocr_images([page for _, page in pages], jobs=jobs)
        secs = time.perf_counter() - started
        base = base or secs
        print(f"{jobs:>9} | {secs:8.1f} | {secs / len(pages):7.2f} | {base / secs:7.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
