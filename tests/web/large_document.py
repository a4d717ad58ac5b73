"""A directive of thousands of numbered items, written straight to the database: the
document, its proposed tasks (each with a lead agency) and its search entry. The tests
of tests/web/test_large_document.py and bench/bench_large_document.py read it."""

from __future__ import annotations

from typing import Any

from chidao.documents.models import Candidate, Document
from chidao.registry.models import Agency
from tests.web.factories import make_document

ITEM = (
    "{n}. Giao {agency} chủ trì, phối hợp các sở, ngành rà soát nội dung thứ {n} về "
    "chuyển đổi số; báo cáo UBND Thành phố trước ngày 30/12/2026."
)
RARE = "Khắc phục hậu quả sạt lở đất tại huyện Mường Lát."  # once, after the last item


def make_large_document(user: Any, *, items: int, number: str = "9999/UBND-KT") -> Document:
    """A directive of ``items`` numbered items (about 170 characters each: 30,000 items
    make 6 MB), one proposed task per item with a lead, and RARE at the very end."""
    agencies = list(Agency.objects.order_by("pk")[:50])
    lines, spans, at = [], [], 0
    for n in range(1, items + 1):
        line = ITEM.format(n=n, agency=agencies[n % len(agencies)].name)
        lines.append(line)
        spans.append((at, at + len(line)))
        at += len(line) + 1
    text = "\n".join([*lines, RARE])
    document = make_document(user, number=number, text=text, size=len(text.encode()))
    candidates = Candidate.objects.bulk_create(
        (
            Candidate(document=document, order=n, start=s, end=e, text=lines[n - 1], marker=str(n))
            for n, (s, e) in enumerate(spans, start=1)
        ),
        batch_size=2000,
    )
    Lead = Candidate.lead.through
    Lead.objects.bulk_create(
        (
            Lead(candidate_id=c.pk, agency_id=agencies[n % len(agencies)].pk)
            for n, c in enumerate(candidates, start=1)
        ),
        batch_size=2000,
    )
    return document
