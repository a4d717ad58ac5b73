"""Regression floors: the dev set and the project's own samples, scored by score.py."""

from __future__ import annotations

import contextlib
import io
import json
from datetime import date
from pathlib import Path

from chidao.extract.pipeline import extract_file
from tests.conftest import ROOT, SAMPLES

HELDOUT_LIKE = ROOT / "tests" / "data" / "heldout_like"

TODAY = date(2026, 11, 21)


def _extract_all(docs: list[Path], out: Path) -> None:
    for doc in docs:
        result = extract_file(doc, today=TODAY).to_json()
        (out / f"{doc.stem}.json").write_text(
            json.dumps(result, ensure_ascii=False), encoding="utf-8"
        )


def _score(scorer, gold_dir: Path, docs: list[Path], out: Path) -> dict:
    """Extract ``docs`` into ``out`` and score them against ``gold_dir`` with score.py."""
    _extract_all(docs, out)
    with contextlib.redirect_stdout(io.StringIO()):
        return scorer.score(gold_dir, out)


def _documents(folder: Path) -> list[Path]:
    return [
        p for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf")
    ]


def _assert_floors(res: dict, **floors: float) -> None:
    below = {k: (res[k], v) for k, v in floors.items() if res[k] < v}
    assert not below, f"below the floor (got, floor): {below}; all: {res}"


def test_dev_set_scores_stay_above_the_bars(eval_dir, scorer, tmp_path):
    """The public dev set stays whole (issue #9: "dev stays 1.000")."""
    dev = eval_dir / "dev"
    res = _score(scorer, dev, sorted(dev.glob("*.txt")), tmp_path)
    _assert_floors(
        res, assignment_f1=1.0, task_f1=1.0, deadline_acc=1.0, refs_f1=1.0, docmeta_acc=1.0
    )


def test_shipped_samples_score_as_their_hand_annotations(scorer, tmp_path):
    docs = _documents(SAMPLES)
    assert len(docs) >= 4
    res = _score(scorer, SAMPLES, docs, tmp_path)
    _assert_floors(
        res, assignment_f1=0.9, task_f1=0.9, deadline_acc=0.9, refs_f1=0.95, docmeta_acc=1.0
    )


def test_heldout_style_documents_stay_above_their_floor(scorer, tmp_path):
    """35 realistic documents annotated by the rules (not by this extractor's output);
    see tests/data/heldout_like/README.md. A floor under today's figures, not a target."""
    docs = _documents(HELDOUT_LIKE)
    assert len(docs) >= 35
    res = _score(scorer, HELDOUT_LIKE, docs, tmp_path)
    _assert_floors(
        res, assignment_f1=0.95, task_f1=0.95, deadline_acc=0.90, refs_f1=0.95, docmeta_acc=0.95
    )


def test_tuned_train_documents_stay_above_their_floor(eval_dir, scorer, tmp_path):
    """The tuned three quarters of ../shared/eval/train (issue 9; the sealed quarter in
    tests/data/sealed_train.txt is left out). A floor under today's figures."""
    train = eval_dir / "train"
    sealed = {
        line.strip()
        for line in (ROOT / "tests/data/sealed_train.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    gold = tmp_path / "gold"
    gold.mkdir()
    docs = []
    for path in sorted(train.glob("*.gold.json")):
        name = path.name.removesuffix(".gold.json")
        if name not in sealed:
            (gold / path.name).symlink_to(path)
            docs.extend(p for p in train.glob(name + ".*") if not p.name.endswith(".json"))
    assert len(docs) == 41
    res = _score(scorer, gold, docs, tmp_path)
    _assert_floors(
        res, assignment_f1=0.90, task_f1=0.94, deadline_acc=0.90, docmeta_acc=0.92, refs_f1=0.95
    )
