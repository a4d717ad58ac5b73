"""Speed budgets that tests once asserted with a stopwatch (a loaded CI runner made them
flaky): reading a 10 KB text file (median well under 1 ms), agency matching on a 10 KB
directive (best of 5 under 50 ms, about 2 ms on a developer machine), and agency matching
on 5 MB single-line texts built to provoke backtracking (linear: under 15 s each, about
1 s here, never minutes).

Usage: python bench/bench_speed_budgets.py [--quick]   (``--quick``: 1 MB lines)
Prints one line per measure with its budget and "met" / "NOT met"; exits 1 if any is not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chidao.extract.agencies import Registry, find_agencies  # noqa: E402
from chidao.extract.readers import read_file  # noqa: E402
from tests.readers_fixtures import DIRECTIVE  # noqa: E402

SAMPLE = ROOT / "samples" / "kh-phong-chong-thien-tai-2024.txt"


def timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def directive(size: int) -> str:
    """A directive-like text of ``size`` characters (a sample, repeated)."""
    body = SAMPLE.read_text(encoding="utf-8") if SAMPLE.exists() else ""
    body = body or "Sở Kế hoạch và Đầu tư chủ trì, phối hợp các sở, ban, ngành thực hiện. " * 50
    return (body * (size // len(body) + 1))[:size]


def text_file_read() -> float:
    """Median seconds to read a 10 KB UTF-8 text file (30 reads after one to warm up)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "10kb.txt"
        path.write_text(((DIRECTIVE + "\n") * 12)[:10_000], encoding="utf-8")
        read_file(path)
        return statistics.median(timed(lambda: read_file(path)) for _ in range(30))


def long_lines(size: int) -> dict[str, str]:
    scale = size / 5_000_000
    return {
        "directive": directive(size).replace("\n", " "),
        "spaces": " " * size,
        "letters": "a" * size,
        "ubnd": "UBND " * round(1_000_000 * scale),
        "so": "Sở " * round(1_600_000 * scale),
        "groups": "các sở, " * round(125_000 * scale),  # a mention every 8 characters
        "capitals": ("Sở A B C D E F G H " * 50_000)[: round(1_000_000 * scale)],
        "uy-ban": "Ủy ban nhân dân " * round(300_000 * scale),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1 MB lines instead of 5 MB")
    args = parser.parse_args()
    registry = Registry.load()
    ten_kb = directive(10_240)
    find_agencies(ten_kb)  # loads the default registry
    best = min(timed(partial(registry.find, ten_kb)) for _ in range(5))
    checks = [
        ("read a 10 KB text file (median)", text_file_read(), 0.001),
        ("agencies in a 10 KB directive (best of 5)", best, 0.05),
    ]
    size = 1_000_000 if args.quick else 5_000_000
    for name, text in long_lines(size).items():
        seconds = timed(partial(registry.find, text))
        checks.append((f"agencies in a {size // 1_000_000} MB line: {name}", seconds, 15.0))
    failed = 0
    for name, seconds, budget in checks:
        verdict = "met" if seconds < budget else "NOT met"
        failed += verdict != "met"
        print(f"{name:<48} {seconds * 1000:>10.1f} ms  budget {budget * 1000:>8.0f} ms  {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
