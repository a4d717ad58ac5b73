"""The mentions stage of two checkouts side by side: same output, and how much faster.

Usage:
  git worktree add /tmp/mentions_base HEAD       # the code before a change, outside the tree
  python bench/bench_mentions_ab.py /tmp/mentions_base [--docs 200] [--passes 10]
  python bench/bench_mentions_ab.py /tmp/mentions_base --same-only   # the comparison alone

This checkout is "new": uncommitted changes in it count (compare from a worktree of
your own commit when others are editing the shared one).

1. Same output: 1,000 dense documents of ``bench_extract.corpus`` and every document of
   ../shared/eval/train, ../shared/eval/dev and tests/data/page_openings (with the
   scores' reference day and without one) are extracted by each checkout, each in a
   process of its own; their agencies, times, period, tasks and candidates must be equal
   field by field (compared as ``repr``). Prints the count and the first differences;
   exits 1 on any.
2. Speed: ``stage_mentions`` and its three parts (``Registry.find``, ``find_unlisted``,
   ``find_times``) over ``--docs`` dense documents. Both checkouts are loaded in one
   process under the one name ``chidao`` (the modules of the first are set aside before
   the second is imported; this stage imports nothing later), and alternate pass by
   pass, timed in thread CPU time (the machine is shared: wall time is not); prints the
   median ms per document of each part and the ratio new/base.
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHIDAO_SHARED", ROOT.parent / "shared"))
TODAY = date(2026, 12, 6)  # the scores' reference day (bench/score_train.py)
PARTS = ("find", "unlisted", "times", "stage")


def load(root: Path) -> dict[str, Any]:
    """The modules of ``chidao`` found under ``root``, imported afresh."""
    for name in [n for n in sys.modules if n == "chidao" or n.startswith("chidao.")]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        import chidao.extract.pipeline as pipeline
        from chidao.extract.agencies import Registry
        from chidao.extract.bodies import find_unlisted
        from chidao.extract.dates import find_times
        from chidao.extract.model import ReadResult
    finally:
        sys.path.remove(str(root))
    if not Path(pipeline.__file__ or "").resolve().is_relative_to(root.resolve()):
        sys.exit(f"chidao was not imported from {root}")
    return {
        "pipeline": pipeline,
        "registry": Registry.load(),
        "find_unlisted": find_unlisted,
        "find_times": find_times,
        "ReadResult": ReadResult,
    }


def outputs(code: dict[str, Any], docs: list[str]) -> dict[str, tuple[str, ...]]:
    p: ModuleType = code["pipeline"]
    out = {}

    def keep(key: str, doc: Any) -> None:
        fields = (doc.agencies, doc.times, doc.period, doc.tasks, doc.candidates)
        out[key] = tuple(map(repr, fields))

    for i, text in enumerate(docs):
        keep(f"dense {i}", p.extract_text(text, today=date(2024, 6, 1), registry=code["registry"]))
    folders = [
        SHARED / "eval" / "train",
        SHARED / "eval" / "dev",
        ROOT / "tests/data/page_openings",
    ]
    for folder in folders:
        for path in sorted(folder.iterdir()):
            if path.suffix in (".md", ".json"):
                continue
            for today in (TODAY, None):
                keep(f"{path.name} today={today}", p.extract_file(path, today=today))
    return out


def same_output(base: Path, new: Path) -> bool:
    """Whether both checkouts extract the same from every input (each in its own process)."""
    with tempfile.TemporaryDirectory() as tmp:
        got: list[dict[str, tuple[str, ...]]] = []
        for root in (base, new):
            out = Path(tmp) / f"{len(got)}.pickle"
            cmd = [sys.executable, __file__, str(base), "--dump-from", str(root), str(out)]
            subprocess.run(cmd, check=True)
            got.append(pickle.loads(out.read_bytes()))
    a, b = got
    names = ("agencies", "times", "period", "tasks", "candidates")
    diffs = [(k, n) for k in a for n, x, y in zip(names, a[k], b[k], strict=True) if x != y]
    print(f"same output: {len(a)} inputs compared, {len(diffs)} differences")
    for key, name in diffs[:5]:
        print(f"  differs: {key} {name}")
    return a.keys() == b.keys() and not diffs


def prepared(code: dict[str, Any], docs: list[str]) -> list[Any]:
    """The documents through the stages before ``stage_mentions``."""
    p = code["pipeline"]
    out = []
    for text in docs:
        read = code["ReadResult"](text=text, format="text")
        doc = p.Extraction(source="", read=read, today=date(2024, 6, 1), registry=code["registry"])
        for stage in p.STAGES:
            if stage is p.stage_mentions:
                break
            stage(doc)
        out.append(doc)
    p.stage_mentions(out[0])  # compiles the matcher
    return out


def one_pass(code: dict[str, Any], docs: list[Any]) -> dict[str, float]:
    """ms per document of each part, in thread CPU time."""
    clock, total = time.thread_time, dict.fromkeys(PARTS, 0.0)
    for doc in docs:
        t0 = clock()
        found = doc.registry.find(doc.text, on=doc.meta.date)
        t1 = clock()
        code["find_unlisted"](doc.text, found)
        t2 = clock()
        code["find_times"](doc.text, doc_date=doc.meta.date, today=doc.today)
        t3 = clock()
        code["pipeline"].stage_mentions(doc)
        t4 = clock()
        for part, took in zip(PARTS, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            total[part] += took
    return {part: took / len(docs) * 1000 for part, took in total.items()}


def speed(base: dict[str, Any], new: dict[str, Any], docs: list[str], passes: int) -> None:
    runs: dict[str, list[dict[str, float]]] = {"base": [], "new": []}
    prepared_docs = {"base": prepared(base, docs), "new": prepared(new, docs)}
    codes = {"base": base, "new": new}
    for k in range(passes):
        for name in ("base", "new") if k % 2 else ("new", "base"):
            runs[name].append(one_pass(codes[name], prepared_docs[name]))
    print(f"ms/doc, median of {passes} passes over {len(docs)} dense documents (thread CPU time)")
    for part in PARTS:
        b = statistics.median(r[part] for r in runs["base"])
        n = statistics.median(r[part] for r in runs["new"])
        print(f"{part:9s} base {b:6.3f}  new {n:6.3f}  ratio {n / b:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("base", type=Path, help="a checkout of the code before (git worktree)")
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--passes", type=int, default=10)
    parser.add_argument("--same-only", action="store_true")
    parser.add_argument("--dump-from", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extract import corpus  # imports this checkout's chidao: set aside by load()

    if args.dump_from:  # the child process of same_output
        root, into = args.dump_from
        into.write_bytes(pickle.dumps(outputs(load(root), corpus(1000, 10_000))))
        return 0
    ok = same_output(args.base, ROOT)
    if not args.same_only:
        docs = corpus(args.docs, 10_000)
        speed(load(args.base), load(ROOT), docs, args.passes)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
