"""``extract_text`` of two checkouts, timed side by side on a shared machine.

Usage:
  git worktree add /tmp/extract_base <rev>     # the code before a change, outside the tree
  python bench/bench_extract_ab.py /tmp/extract_base [--corpus dense|documents]
                                               [--docs 300] [--passes 4]

This checkout is "new" (uncommitted changes count). Both checkouts are loaded in one
process under the one name ``chidao`` (the modules of the first are set aside before the
second is imported), each with its own registry; then every document of the corpus of
``bench_extract.py`` is extracted by one and the other in turn, the order swapped from one
document to the next, and timed in thread CPU time. A document's time is its fastest over
``--passes`` passes: load from other processes only ever slows a run down, so the minimum
is the figure least disturbed by it. Prints mean, p50 and p95 ms per document of each
checkout and the ratios new/base. Output identity is checked by
``bench_extract_identity.py``, not here.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench_extract import corpus, whole_documents
from bench_mentions_ab import load as load_checkout

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2024, 6, 1)  # bench_extract.py's

Extract = Callable[..., Any]


def load(root: Path) -> tuple[Extract, Any]:
    """``extract_text`` and a loaded registry of the ``chidao`` found under ``root``."""
    code = load_checkout(root)
    return code["pipeline"].extract_text, code["registry"]


def _figures(times: list[float]) -> tuple[float, float, float]:
    q = statistics.quantiles([t * 1000 for t in times], n=100)
    return statistics.mean(times) * 1000, q[49], q[94]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("--corpus", choices=("dense", "documents"), default="dense")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--passes", type=int, default=4)
    args = parser.parse_args()
    docs = corpus(args.docs, 10_000) if args.corpus == "dense" else whole_documents(args.docs)
    sides = {"base": load(args.base.resolve()), "new": load(ROOT)}
    best = {name: [float("inf")] * len(docs) for name in sides}
    for extract, registry in sides.values():
        extract(docs[0], today=TODAY, registry=registry)  # warm the caches once
    order = list(sides.items())
    for p in range(args.passes):
        for i, doc in enumerate(docs):
            for name, (extract, registry) in order if (p + i) % 2 == 0 else order[::-1]:
                started = time.thread_time()
                extract(doc, today=TODAY, registry=registry)
                best[name][i] = min(best[name][i], time.thread_time() - started)
    figures = {name: _figures(times) for name, times in best.items()}
    for name, (mean, p50, p95) in figures.items():
        print(f"{args.corpus:9s} {name:4s}  mean {mean:6.2f}  p50 {p50:6.2f}  p95 {p95:6.2f} ms")
    ratios = [n / b for n, b in zip(figures["new"], figures["base"], strict=True)]
    print("new/base       mean {:6.3f}  p50 {:6.3f}  p95 {:6.3f}".format(*ratios))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
