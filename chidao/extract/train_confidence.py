"""Train the confidence layer (``chidao/extract/confidence.py``): ``make train``.

    python -m chidao.extract.train_confidence [--shared ../shared] [--out PATH]

Every proposal the rules make on the annotated documents of ``shared/eval`` (dev and the
train documents outside the sealed quarter, ``tests/data/sealed_train.txt``) is a sample;
it is positive when score.py pairs it with a gold task. A logistic regression
(scikit-learn, a development dependency only) learns from the rules' signals.

Before it writes the model, it compares by cross-validation grouped by source (the
repository a document comes from, as ``train/SOURCES.md`` names it; dev is a group of its
own) the rules alone with the rules + the model's filter, scoring each held-out group
with score.py, and prints both. The filter is switched on in the shipped file only when
it wins; otherwise the model only sets each task's confidence. Deterministic: the same
documents give the same file.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from chidao.extract import confidence
from chidao.extract.output import extraction_to_json
from chidao.extract.pipeline import Extraction, extract_file

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 12, 6)  # the reference day of the extraction (fixed: deterministic)
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


@dataclass
class _Doc:
    name: str
    group: str
    gold_path: Path
    doc: Extraction
    rows: list[dict[str, float]]
    labels: list[int]


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("chidao_eval_score", shared / "eval/score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _groups(shared: Path) -> dict[str, str]:
    """Train document → its source repository (from SOURCES.md)."""
    out = {}
    for line in (shared / "eval/train/SOURCES.md").read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*(t\d+)\s*\|\s*github:(\S+)", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def _sealed() -> set[str]:
    lines = (ROOT / "tests/data/sealed_train.txt").read_text(encoding="utf-8").splitlines()
    return {s.strip() for s in lines if s.strip() and not s.startswith("#")}


def _documents(shared: Path, score: ModuleType) -> list[_Doc]:
    groups, sealed = _groups(shared), _sealed()
    docs = []
    for part in ("dev", "train"):
        for gold_path in sorted((shared / "eval" / part).glob("*.gold.json")):
            name = gold_path.name.removesuffix(".gold.json")
            if name in sealed:
                continue
            source = next(
                p for p in gold_path.parent.glob(name + ".*") if not p.name.endswith(".json")
            )
            doc = extract_file(source, today=TODAY)
            gold = json.loads(gold_path.read_text(encoding="utf-8"))["tasks"]
            pred = [{"text": t.text} for t in doc.candidates]
            matched = {p for _, p in score.match_tasks(gold, pred)}
            rows = [confidence.features(t, doc) for t in doc.candidates]
            labels = [int(i in matched) for i in range(len(pred))]
            group = "dev" if part == "dev" else groups.get(name, name)
            docs.append(_Doc(name, group, gold_path, doc, rows, labels))
    return docs


def _fit(docs: Sequence[_Doc], names: list[str]) -> Any:
    from sklearn.linear_model import LogisticRegression

    x = [[row.get(n, 0.0) for n in names] for d in docs for row in d.rows]
    y = [label for d in docs for label in d.labels]
    return LogisticRegression(C=1.0, max_iter=2000).fit(x, y)


def _model(fit: Any, names: list[str], threshold: float | None) -> confidence.Model:
    weights = tuple(round(float(w), 5) for w in fit.coef_[0])
    return confidence.Model(tuple(names), weights, round(float(fit.intercept_[0]), 5), threshold)


def _score(score: ModuleType, pairs: Sequence[tuple[_Doc, confidence.Model | None]]) -> Any:
    """score.py's figures over the documents pooled, each filtered by its own model."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir, pred_dir = Path(tmp, "gold"), Path(tmp, "pred")
        gold_dir.mkdir()
        pred_dir.mkdir()
        for d, model in pairs:
            (gold_dir / d.gold_path.name).symlink_to(d.gold_path)
            d.doc.tasks = confidence.apply(d.doc, d.doc.candidates, model)
            data = extraction_to_json(d.doc)
            (pred_dir / f"{d.name}.json").write_text(json.dumps(data, ensure_ascii=False))
        with contextlib.redirect_stdout(io.StringIO()):
            return score.score(gold_dir, pred_dir)


def _auc(pairs: Sequence[tuple[_Doc, confidence.Model | None]]) -> float:
    """How well the held-out confidences rank real tasks above wrong proposals."""
    from sklearn.metrics import roc_auc_score

    y: list[int] = []
    p: list[float] = []
    for d, model in pairs:
        assert model is not None
        y.extend(d.labels)
        p.extend(model.score(row) for row in d.rows)
    return round(float(roc_auc_score(y, p)), 4)


def _cross_validate(score: ModuleType, docs: list[_Doc], names: list[str]) -> dict[str, Any]:
    """Rules alone and rules + filter (per threshold), each held-out group filtered by a
    model trained on the other groups."""
    groups = sorted({d.group for d in docs})
    held_out: dict[float, list[tuple[_Doc, confidence.Model | None]]] = {}
    for group in groups:
        fit = _fit([d for d in docs if d.group != group], names)
        for t in THRESHOLDS:
            model = _model(fit, names, t)
            held_out.setdefault(t, []).extend((d, model) for d in docs if d.group == group)
    out: dict[str, Any] = {"groups": groups, "rules": _score(score, [(d, None) for d in docs])}
    out["held_out_auc"] = _auc(held_out[THRESHOLDS[0]])
    for t in THRESHOLDS:
        out[f"filter@{t}"] = _score(score, held_out[t])
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=confidence.MODEL_PATH)
    args = parser.parse_args(argv)
    score = _scorer(args.shared)
    docs = _documents(args.shared, score)  # the rules' proposals: ``candidates``
    names = sorted({n for d in docs for row in d.rows for n in row})
    cv = _cross_validate(score, docs, names)
    line = "{:<12} assignment_f1={:.3f} task_f1={:.3f}"
    print(f"grouped cross-validation over {len(cv['groups'])} sources, {len(docs)} documents:")
    print(line.format("rules", cv["rules"]["assignment_f1"], cv["rules"]["task_f1"]))
    print(f"held-out AUC of the confidence: {cv['held_out_auc']}")
    best_t, best = None, cv["rules"]["assignment_f1"]
    for t in THRESHOLDS:
        res = cv[f"filter@{t}"]
        print(line.format(f"filter@{t}", res["assignment_f1"], res["task_f1"]))
        if res["assignment_f1"] > best + 0.005:
            best_t, best = t, res["assignment_f1"]
    fit = _fit(docs, names)
    model = _model(fit, names, best_t)
    data = {
        "about": "chidao/extract/confidence.py; trained by chidao/extract/train_confidence.py",
        "features": list(model.features),
        "weights": list(model.weights),
        "bias": model.bias,
        "threshold": best_t,
        "trained_on": sorted(d.name for d in docs),
        "cross_validation": {
            "groups": cv["groups"],
            "held_out_auc": cv["held_out_auc"],
            **{
                k: {m: round(v, 4) for m, v in r.items() if isinstance(v, float)}
                for k, r in cv.items()
                if isinstance(r, dict)
            },
        },
    }
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    kept = f"filter on at {best_t}" if best_t is not None else "scores only (no filter won)"
    print(f"wrote {args.out}: {len(names)} features, {kept}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
