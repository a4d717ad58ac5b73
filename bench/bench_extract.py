"""Extraction speed on text input, one core: documents/s, ms per document, MB/s, peak memory.

Usage: python bench/bench_extract.py [--docs 1000] [--size 10000] [--corpus dense|documents]

Builds a corpus of distinct directive-like documents of about ``--size`` bytes each from
the project's samples (paragraphs shuffled, agencies, numbers and dates varied, so no two
documents are the same text), then times ``extract_text`` over each in one process.
Prints one line per figure; compare with the targets of issue #2: ≤ 5 ms for a 10 KB
directive, ≥ 200 documents/s per core, peak memory of a 1,000-document batch ≤ 300 MB.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import time
from datetime import date
from pathlib import Path

from chidao.extract.agencies import Registry
from chidao.extract.normalize import normalize
from chidao.extract.pipeline import extract_text

ROOT = Path(__file__).resolve().parent.parent
AGENCIES = [
    "Sở Y tế", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Công Thương",
    "Sở Giáo dục và Đào tạo", "Công an Thành phố", "Sở Nội vụ", "Sở Tư pháp",
    "UBND các quận, huyện, thị xã", "Sở Giao thông vận tải", "Thanh tra Thành phố",
]  # fmt: skip


def corpus(n: int, size: int, seed: int = 7) -> list[str]:
    """``n`` distinct documents of about ``size`` bytes of UTF-8."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    for path in sorted((ROOT / "samples").iterdir()):
        if path.suffix in (".txt", ".md"):
            text = normalize(path.read_text(encoding="utf-8"))
            paragraphs.extend(p for p in text.split("\n\n") if len(p) > 60)
    docs = []
    for i in range(n):
        parts = [
            f"Số: {1000 + i}/UBND-KT\n\nHà Nội, ngày {1 + i % 28} tháng {1 + i % 12} năm 2024\n"
        ]
        length = 0
        k = 1
        while length < size:
            p = rng.choice(paragraphs)
            p = p.replace("Sở Y tế", rng.choice(AGENCIES)).replace(
                "30/6/2024", f"{1 + k % 28}/9/2024"
            )
            p = f"{k}. {p.lstrip('0123456789.-+abcdđ) ')}"
            parts.append(p)
            length += len(p.encode("utf-8")) + 2
            k += 1
        docs.append("\n\n".join(parts))
    return docs


def whole_documents(n: int) -> list[str]:
    """``n`` documents cycled from the project's own realistic texts (samples and the
    held-out-style set), each made distinct by its number and date."""
    texts = []
    for folder in (ROOT / "samples", ROOT / "tests" / "data" / "heldout_like"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    return [f"{texts[i % len(texts)]}\n\nSố: {5000 + i}/UBND-TH" for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument(
        "--corpus",
        choices=("dense", "documents"),
        default="dense",
        help="dense: ~10 KB documents built from sample paragraphs (many assignees); "
        "documents: the project's realistic test documents as they are (1-14 KB)",
    )
    args = parser.parse_args()

    registry = Registry.load()
    docs = corpus(args.docs, args.size) if args.corpus == "dense" else whole_documents(args.docs)
    extract_text(docs[0], today=date(2024, 6, 1), registry=registry)  # warm the caches once
    times = []
    tasks = 0
    total_bytes = sum(len(d.encode("utf-8")) for d in docs)
    started = time.perf_counter()
    for doc in docs:
        t0 = time.perf_counter()
        result = extract_text(doc, today=date(2024, 6, 1), registry=registry)
        times.append((time.perf_counter() - t0) * 1000)
        tasks += len(result.tasks)
    wall = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    q = statistics.quantiles(times, n=100)
    print(
        f"documents        {len(docs)} (mean {total_bytes / len(docs) / 1000:.1f} KB, {tasks} tasks)"
    )
    print(f"documents/s      {len(docs) / wall:.0f}")
    print(f"ms/doc p50       {q[49]:.2f}")
    print(f"ms/doc p95       {q[94]:.2f}")
    print(f"ms/doc max       {max(times):.2f}")
    print(f"MB/s             {total_bytes / 1e6 / wall:.2f}")
    print(f"peak memory MB   {peak_mb:.0f}")


if __name__ == "__main__":
    main()
