"""How sure the extractor is of each task: a small learned layer over the rules' signals.

The rules propose tasks; this layer scores each proposal from what the rules saw (which
rule found it, the item's marker, its section, its assignees, its words) with a logistic
model trained on the annotated documents of ``shared/eval`` by
``chidao/extract/train_confidence.py`` (``make train``) and shipped as
``data/confidence.json``. The score is the task's ``confidence`` (0–1), which the review
screen sorts by; where the model's file says so, proposals scored below its threshold are
dropped (only when grouped cross-validation showed that this generalises better than the
rules alone). Plain arithmetic at run time: no learning library, nothing downloaded.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from chidao.extract.model import Task

if TYPE_CHECKING:
    from chidao.extract.pipeline import Extraction

MODEL_PATH = Path(__file__).parent / "data" / "confidence.json"

_RULES = ("trigger", "subject", "role", "under-heading", "under-intro", "continuation",
          "enumeration", "item-with-attributes")  # fmt: skip
_TRIGGERS = ("giao", "đề nghị", "yêu cầu", "chỉ đạo")
_KINDS = ("công văn", "kế hoạch", "quyết định", "thông báo", "tin bài")
_SECTIONS = {
    "purpose": re.compile(r"(?i)mục đích|mục tiêu|yêu cầu\b|quan điểm"),
    "organisation": re.compile(r"(?i)tổ chức thực hiện|phân công|trách nhiệm|nhiệm vụ cụ thể"),
    "tasks": re.compile(r"(?i)nhiệm vụ|giải pháp|nội dung"),
    "budget": re.compile(r"(?i)kinh phí|nguồn vốn"),
    "proposals": re.compile(r"(?i)kiến nghị|đề xuất"),
    "logistics": re.compile(r"(?i)thành phần|thời gian|địa điểm|chương trình"),
}
_IMPERATIVE = re.compile(
    r"[\s\-–+]*(?:Xây dựng|Phân tích|Đề xuất|Hoàn thành|Hoàn thiện|Tổ chức|Rà soát|Chỉ đạo|"
    r"Tăng cường|Triển khai|Thực hiện|Báo cáo|Gửi|Kiểm tra|Chủ động|Khẩn trương|Tiếp tục|"
    r"Đẩy mạnh|Nghiên cứu|Tham mưu|Cập nhật|Phối hợp|Chuẩn bị|Bố trí|Quán triệt|Tuyên truyền|"
    r"Theo dõi|Đôn đốc|Hướng dẫn|Tập trung|Nâng cao|Đảm bảo|Bảo đảm|Lập|Cung cấp|Tổng hợp|"
    r"Giao|Đề nghị|Yêu cầu)(?!\w)"
)
_PAST_WORDS = ("đã", "vừa", "từng")
_PAST = re.compile(r"(?i)(?<!\w)(?:" + "|".join(_PAST_WORDS) + r")(?!\w)")
_FUTURE_WORD = "sẽ"
_FUTURE = re.compile(rf"(?i)(?<!\w){_FUTURE_WORD}(?!\w)")
# (the first character as a set of both cases, the rest ignoring case: the same matches as
# the whole ignoring case, and re skips to that character instead of trying every position)
_ACCOUNTABLE = re.compile(r"[cC](?i:hịu trách nhiệm)")
_BACKGROUND = re.compile(r"[tT](?i:(?:ại|heo) (?:văn bản|công văn|quyết định|kế hoạch) số)")


@dataclass(frozen=True)
class Model:
    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    threshold: float | None  # drop proposals scored below it; None: only score them

    def score(self, values: dict[str, float]) -> float:
        weight = self.weight
        z = self.bias + sum([weight.get(f, 0.0) * v for f, v in values.items()])
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    @functools.cached_property
    def weight(self) -> dict[str, float]:
        return dict(zip(self.features, self.weights, strict=True))


@functools.cache
def load_model(path: Path = MODEL_PATH) -> Model | None:
    """The shipped model, or None when no file was trained yet."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Model(
        tuple(data["features"]),
        tuple(float(w) for w in data["weights"]),
        float(data["bias"]),
        data.get("threshold"),
    )


def features(task: Task, doc: Extraction, context: Context | None = None) -> dict[str, float]:
    """The signals of one proposal: names → values (missing names are 0)."""
    ctx = context or Context.of(doc)
    out: dict[str, float] = dict(ctx.values)
    family = task.rule.split(":", 1)[0]
    out["rule=" + (family if family in _RULES else "other")] = 1.0
    trigger = task.rule.rsplit(":", 1)[-1] if "trigger" in task.rule else ""
    if trigger:
        out["trigger=" + (trigger if trigger in _TRIGGERS else "other")] = 1.0
    out["marker=" + _marker_kind(task.marker)] = 1.0
    text = task.text
    out["length"] = math.log1p(len(text)) / 8
    out["leads"] = min(len(task.lead), 5) / 5
    out.update(_lead_signals(task))
    out["support"] = float(bool(task.support))
    out["deadline"] = float(task.deadline is not None)
    out["recurrence"] = float(task.recurrence is not None)
    out["imperative"] = float(_IMPERATIVE.match(text) is not None)
    head = text[:80]
    # a plain test first, on the case-folded head: a match of either pattern leaves its word
    # there, and most heads hold neither (the word-boundary patterns are slow to scan)
    folded = head.casefold()
    past = any(w in folded for w in _PAST_WORDS) and _PAST.search(head) is not None
    out["past"] = float(past)
    future = _FUTURE_WORD in folded and _FUTURE.search(head) is not None
    out["future"] = float(future)
    out["accountable"] = float(_ACCOUNTABLE.search(text) is not None)
    out["background"] = float(_BACKGROUND.search(head) is not None)
    out["ends_colon"] = float(text.rstrip().endswith(":"))
    out["position"] = task.start / max(1, len(doc.text))
    out.update(ctx.section_above(task.start))
    return out


def _lead_signals(task: Task) -> dict[str, float]:
    """What the task's lead is made of, found in one pass over it (in the features' order)."""
    group = unlisted = registry = in_text = False
    for m in task.lead:
        group = group or m.is_group
        unlisted = unlisted or m.rule == "unlisted"
        registry = registry or bool(m.agency_id)
        in_text = in_text or task.start <= m.start < task.end
    return {
        "lead_group": float(group),
        "lead_unlisted": float(unlisted),
        "lead_registry": float(registry),
        "lead_in_text": float(in_text),
    }


def _marker_kind(marker: str | None) -> str:
    if marker is None:
        return "none"
    if marker[0] in "IVXLC":
        return "roman"
    if marker[0].isdigit():
        return "number" if marker.rstrip(".)").count(".") == 0 else "subnumber"
    if marker.endswith(")"):
        return "letter"
    return "plus" if marker == "+" else "dash"


@dataclass(frozen=True, slots=True)
class Context:
    """What every proposal of one document shares, found once: the document's kind and
    whether it is an official text, and its section titles (roman-numbered or unnumbered
    headings) with their signals, the one above any offset found by bisection."""

    values: dict[str, float]
    starts: list[int]
    sections: list[dict[str, float]]

    @classmethod
    def of(cls, doc: Extraction) -> Context:
        kind = doc.meta.kind if doc.meta.kind in _KINDS else "other"
        values = {"kind=" + kind: 1.0}
        values["official"] = float(any(b.role == "header" for b in doc.blocks[:40]))
        starts, sections = [], []
        for b in doc.blocks:
            if b.role == "heading" and (b.marker is None or b.marker[0] in "IVXLC"):
                title = doc.text[b.start : b.end]
                starts.append(b.start)
                sections.append(
                    {"section=" + name: 1.0 for name, rx in _SECTIONS.items() if rx.search(title)}
                )
        return cls(values, starts, sections)

    def section_above(self, at: int) -> dict[str, float]:
        i = bisect.bisect_left(self.starts, at)
        return self.sections[i - 1] if i else {}


def apply(doc: Extraction, tasks: Sequence[Task], model: Model | None) -> list[Task]:
    """Set every task's confidence; keep those at or above the model's threshold."""
    if model is None:
        return list(tasks)
    kept = []
    context = Context.of(doc)
    for task in tasks:
        task.confidence = round(model.score(features(task, doc, context)), 3)
        if model.threshold is None or task.confidence >= model.threshold:
            kept.append(task)
    return kept
