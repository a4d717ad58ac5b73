"""Extraction scores on ../shared/eval, split as issue 9 asks: dev, the page openings of
tests/data/page_openings, the tuned three quarters of train, and (only with --sealed) the
sealed quarter listed in tests/data/sealed_train.txt.

    python bench/score_train.py            # dev + tuned
    python bench/score_train.py --sealed   # ... + sealed (look only at the end)
    python bench/score_train.py --verbose  # every disagreement on the tuned part
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("CHIDAO_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"
# the reference day the CLI would use (`chidao extract` defaults to today); fixed so that the
# figures do not drift with the calendar
TODAY = date(2026, 12, 6)
SEALED = {
    line.strip()
    for line in (ROOT / "tests/data/sealed_train.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}


def _split(gold_dir: Path, names: set[str], into: Path) -> Path:
    into.mkdir()
    for name in names:
        (into / f"{name}.gold.json").symlink_to(gold_dir / f"{name}.gold.json")
    return into


def _score(gold: Path, pred: Path, verbose: bool) -> str:
    args = [sys.executable, str(EVAL / "score.py"), str(gold), str(pred)]
    out = subprocess.run(args + (["--verbose"] if verbose else []), capture_output=True, text=True)
    return out.stdout if verbose else out.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sealed", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    from chidao.extract.pipeline import extract_file

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for part in ("dev", "train"):
            pred = work / f"pred-{part}"
            pred.mkdir()
            for path in sorted((EVAL / part).iterdir()):
                if path.suffix in (".md", ".json") or path.name == "SOURCES.md":
                    continue
                data = extract_file(path, today=TODAY).to_json()
                (pred / f"{path.stem}.json").write_text(json.dumps(data, ensure_ascii=False))
        print("dev   ", _score(EVAL / "dev", work / "pred-dev", False))
        pages = ROOT / "tests/data/page_openings"
        pred = work / "pred-pages"
        pred.mkdir()
        for path in sorted(pages.glob("*.txt")):
            data = extract_file(path, today=TODAY).to_json()
            (pred / f"{path.stem}.json").write_text(json.dumps(data, ensure_ascii=False))
        print("pages ", _score(pages, pred, False))
        names = {p.name[: -len(".gold.json")] for p in (EVAL / "train").glob("*.gold.json")}
        tuned = _split(EVAL / "train", names - SEALED, work / "tuned")
        print("tuned ", _score(tuned, work / "pred-train", args.verbose))
        if args.sealed:
            sealed = _split(EVAL / "train", names & SEALED, work / "sealed")
            print("sealed", _score(sealed, work / "pred-train", False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
