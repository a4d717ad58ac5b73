"""The JSON form of an extraction (the contract of ``shared/eval/README.md``).

Required fields first (``document``, ``references``, ``tasks`` with ``text``, ``lead``,
``support``, ``deadline``, ``recurrence``); the rest is provenance for the reviewer:
character spans into ``text`` (the normalised text) and the rule behind each item.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from chidao.extract.model import AgencyMention, Reference, Task, TimeMention, of_a_kind
from chidao.extract.names import UNLISTED

if TYPE_CHECKING:
    from chidao.extract.pipeline import Extraction

SCHEMA_VERSION = 1  # of the JSON below; raised when a field changes meaning


def extraction_to_json(doc: Extraction) -> dict[str, Any]:
    meta = doc.meta
    return {
        "schema": SCHEMA_VERSION,
        "file": doc.source.replace("\\", "/").rsplit("/", 1)[-1] if doc.source else None,
        "document": {
            "kind": meta.kind,
            "number": meta.number,
            "date": _iso(meta.date),
            "issuer": meta.issuer,
            "signer": meta.signer,
            "subject": meta.subject,
        },
        "references": [_reference(r) for r in doc.references],
        "tasks": [_task(t) for t in doc.tasks],
        "source": {
            "format": doc.read.format,
            "encoding": doc.read.encoding,
            "pages": doc.read.pages,
            "warnings": list(doc.read.warnings),
        },
        "text": doc.text,
    }


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _reference(r: Reference) -> dict[str, Any]:
    return {
        "number": r.number,
        "kind": r.kind,
        "date": _iso(r.date),
        "issuer": r.issuer,
        "span": [r.start, r.end],
        "rule": r.rule,
    }


def _names(mentions: list[AgencyMention]) -> list[str]:
    out: list[str] = []
    for m in mentions:
        if not m.vague and m.name not in out:
            out.append(m.name)
    return out


def leads_of(mentions: list[AgencyMention]) -> list[str]:
    """Vague groups are no assignee beside named ones ("Sở Y tế và các đơn vị liên quan"),
    but when they are all the subject names, they are who must act ("Các sở, ngành liên
    quan chủ động ..."): then their group labels."""
    named = _names(mentions)
    if named:
        return named
    return list(  # (not "các đơn vị liên quan", "cơ quan chức năng": no kind of body at all)
        dict.fromkeys(m.name for m in mentions if of_a_kind(m) and m.name != "cơ quan, đơn vị")
    )


def _agency(m: AgencyMention) -> dict[str, Any]:
    return {
        "name": m.name,
        "id": m.agency_id,
        "group": m.is_group,
        "vague": m.vague,
        "unlisted": m.rule == UNLISTED,  # a named body no registry holds: "ngoài danh mục"
        "surface": m.surface,
        "span": [m.start, m.end],
        "rule": m.rule,
    }


def _time(t: TimeMention | None) -> dict[str, Any] | None:
    if t is None:
        return None
    return {"kind": t.kind, "value": _iso(t.value), "span": [t.start, t.end], "rule": t.rule}


def _task(t: Task) -> dict[str, Any]:
    return {
        "text": t.text,
        "lead": leads_of(t.lead),
        "support": _names(t.support),
        "deadline": _iso(t.deadline.value) if t.deadline else None,
        "recurrence": t.recurrence,
        "span": [t.start, t.end],
        "rule": t.rule,
        "marker": t.marker,
        "confidence": t.confidence,
        "lead_detail": [_agency(m) for m in t.lead],
        "support_detail": [_agency(m) for m in t.support],
        "deadline_detail": _time(t.deadline),
    }
