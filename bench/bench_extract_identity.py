"""A canonical dump of every extraction over the project's texts, to prove that a speed
change leaves the output byte for byte the same.

Usage:
  python bench/bench_extract_identity.py OUT.jsonl            # dump this checkout's results
  git worktree add /tmp/base <rev>                            # the code before a change
  PYTHONPATH=/tmp/base python bench/bench_extract_identity.py base.jsonl
  cmp base.jsonl OUT.jsonl                                    # must print nothing

One JSON line per (input, reference day): ``Extraction.to_json()`` (document, references,
tasks with confidence, source, text) and, as ``repr``, what the JSON leaves out: the
blocks, every candidate task before the learned layer, the agency and time mentions, the
period and the metadata. Inputs: every file of ../shared/eval/dev and ../shared/eval/train
read by ``extract_file`` (as ``bench/score_train.py`` reads them); every text of
tests/data/page_openings, tests/data/heldout_like and samples/ (by ``extract_file``, and
again by ``extract_text`` without a reference day, which takes the undated paths of
``stage_mentions``); and the first ``--dense`` documents of ``bench_extract.corpus``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHIDAO_SHARED", ROOT.parent / "shared"))
TODAY = date(2026, 12, 6)  # the scores' reference day (bench/score_train.py)
BENCH_TODAY = date(2024, 6, 1)  # bench_extract.py's
TEXT_DIRS = ("tests/data/page_openings", "tests/data/heldout_like", "samples")
TEXT_SUFFIXES = (".txt", ".md", ".html")


def _record(name: str, doc: Any) -> str:
    data = doc.to_json()
    data["_extra"] = {
        "blocks": repr(doc.blocks),
        "candidates": repr(doc.candidates),
        "agencies": repr(doc.agencies),
        "times": repr(doc.times),
        "period": repr(doc.period),
        "meta": repr(doc.meta),
        "corrections": repr(doc.corrections),
    }
    return json.dumps({"input": name, "result": data}, ensure_ascii=False, sort_keys=True)


def _eval_files() -> list[Path]:
    files = []
    for part in ("dev", "train"):
        for path in sorted((SHARED / "eval" / part).iterdir()):
            if path.suffix in (".md", ".json") or path.name == "SOURCES.md":
                continue
            files.append(path)
    return files


def _text_files() -> list[Path]:
    return [
        path
        for folder in TEXT_DIRS
        for path in sorted((ROOT / folder).iterdir())
        if path.suffix in TEXT_SUFFIXES
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--dense", type=int, default=300)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_extract import corpus

    import chidao
    from chidao.extract.agencies import Registry
    from chidao.extract.pipeline import extract_file, extract_text

    print(f"chidao from {Path(chidao.__file__).parent}", file=sys.stderr)
    registry = Registry.load()
    count = 0
    with args.out.open("w", encoding="utf-8") as out:
        for path in _eval_files() + _text_files():
            name = str(path.relative_to(path.parents[1]))
            doc = extract_file(path, today=TODAY, registry=registry)
            out.write(_record(f"file {name}", doc) + "\n")
            count += 1
        for path in _text_files():
            name = str(path.relative_to(path.parents[1]))
            text = path.read_text(encoding="utf-8")
            out.write(_record(f"text {name}", extract_text(text, registry=registry)) + "\n")
            count += 1
        for i, text in enumerate(corpus(args.dense, 10_000)):
            doc = extract_text(text, today=BENCH_TODAY, registry=registry)
            out.write(_record(f"dense {i}", doc) + "\n")
            count += 1
    print(f"{count} results written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
