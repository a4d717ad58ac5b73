"""The learned confidence layer (issue 9): every task carries a confidence the review
screen can sort by; the shipped model is what its training script makes."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from chidao.extract import confidence
from chidao.extract.pipeline import extract_text
from chidao.extract.train_confidence import main as train

TODAY = date(2026, 11, 21)

TEXT = """Số: 15/UBND-KT
Bắc Sơn, ngày 03 tháng 3 năm 2026

Kính gửi: Các sở, ban, ngành tỉnh.

1. Giao Sở Tài chính chủ trì, phối hợp Sở Xây dựng rà soát nguồn vốn trước ngày 30/4/2026.

2. Sở Xây dựng đã tổ chức kiểm tra các công trình trong năm 2025.
"""


def test_every_task_carries_a_confidence_between_zero_and_one():
    doc = extract_text(TEXT, today=TODAY)
    assert doc.tasks
    assert all(t.confidence is not None and 0 <= t.confidence <= 1 for t in doc.tasks)
    data = doc.to_json()
    assert all(isinstance(t["confidence"], float) for t in data["tasks"])


def test_the_features_of_a_proposal_are_deterministic_and_named():
    doc = extract_text(TEXT, today=TODAY)
    again = extract_text(TEXT, today=TODAY)
    first = [confidence.features(t, doc) for t in doc.candidates]
    assert first == [confidence.features(t, again) for t in again.candidates]
    assert first[0]["rule=trigger"] == 1.0 and first[0]["trigger=giao"] == 1.0


def test_the_shipped_model_matches_its_features_and_was_cross_validated():
    data = json.loads(confidence.MODEL_PATH.read_text(encoding="utf-8"))
    assert len(data["features"]) == len(data["weights"])
    cv = data["cross_validation"]
    assert {"rules", "held_out_auc"} <= set(cv) and cv["held_out_auc"] > 0.5
    model = confidence.load_model()
    assert model is not None and model.threshold == data["threshold"]


def test_training_writes_a_model_that_loads(eval_dir: Path, tmp_path: Path):
    out = tmp_path / "confidence.json"
    assert train(["--shared", str(eval_dir.parent), "--out", str(out)]) == 0
    model = confidence.load_model(out)
    assert model is not None and len(model.features) == len(model.weights) > 20
    confidence.load_model.cache_clear()
