"""What OCR left uncertain in a document, for the review screen (reads Document.extraction)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


def _ocr(document: Any) -> dict[str, Any]:
    data = getattr(document, "extraction", None) or {}
    ocr = data.get("ocr") if isinstance(data, dict) else None
    return ocr if isinstance(ocr, dict) else {}


@register.simple_tag
def ocr_summary(document: Any) -> dict[str, Any]:
    """``{"pages": [...], "low_pages": [...], "uncertain": [...]}``; empty without OCR."""
    return _ocr(document)


@register.simple_tag
def ocr_uncertain(document: Any, candidate: Any) -> list[dict[str, Any]]:
    """The OCR repairs inside a candidate's span: names and numbers to check."""
    start, end = getattr(candidate, "start", None), getattr(candidate, "end", None)
    if start is None or end is None:
        return []
    return [
        u
        for u in _ocr(document).get("uncertain", [])
        if u.get("span") and u["span"][0] < end and start < u["span"][1]
    ]
