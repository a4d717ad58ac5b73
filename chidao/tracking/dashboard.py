"""Giao ban counts per agency or per directive, in one grouped query.

Every count is computed from :mod:`chidao.tracking.status`'s conditions, so a number on
the dashboard and the list it links to (filtered by the same condition) always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet

from chidao.tracking.models import Assignment
from chidao.tracking.status import Bucket, bucket_q, due_soon_q

DUE_SOON = "sap_den_han"
COLUMNS = (*Bucket.ORDER, DUE_SOON)
LABELS = {**Bucket.LABELS, DUE_SOON: "Sắp đến hạn"}


@dataclass
class Row:
    """Counts for one agency or one directive (``key`` is its primary key)."""

    key: int | None
    label: str
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        """Assignments in the five buckets (postponed and refused are not counted)."""
        return sum(self.counts.get(b, 0) for b in Bucket.ORDER)

    @property
    def done_rate(self) -> float | None:
        """Share completed (on time or late), or None when there is nothing to count."""
        total = self.total
        if not total:
            return None
        return (self.counts[Bucket.DONE_ON_TIME] + self.counts[Bucket.DONE_LATE]) / total


def _aggregates(today: date, soon_days: int) -> dict[str, Any]:
    aggs: dict[str, Any] = {b: Count("pk", filter=bucket_q(b, today)) for b in Bucket.ORDER}
    aggs[DUE_SOON] = Count("pk", filter=due_soon_q(today, soon_days))
    return aggs


def totals(qs: QuerySet[Assignment], today: date, soon_days: int = 3) -> Row:
    """The six counts over ``qs`` as one row."""
    return Row(None, "Tổng cộng", qs.aggregate(**_aggregates(today, soon_days)))


def by_agency(qs: QuerySet[Assignment], today: date, soon_days: int = 3) -> list[Row]:
    """One row per agency with at least one assignment in ``qs``, by agency name."""
    grouped = (
        qs.order_by()
        .values("agency_id", "agency__name")
        .annotate(**_aggregates(today, soon_days))
        .order_by("agency__name")
    )
    return [Row(g.pop("agency_id"), g.pop("agency__name"), g) for g in grouped]


def by_document(qs: QuerySet[Assignment], today: date, soon_days: int = 3) -> list[Row]:
    """One row per directive with at least one assignment in ``qs``, newest first."""
    grouped = (
        qs.order_by()
        .values("document_id")
        .annotate(**_aggregates(today, soon_days))
        .order_by("-document_id")
    )
    rows = [Row(g.pop("document_id"), "", g) for g in grouped]
    from chidao.documents.models import Document

    titles = {d.pk: d.title for d in Document.objects.filter(pk__in=[r.key for r in rows])}
    for r in rows:
        r.label = titles.get(r.key, "")  # type: ignore[arg-type]
    return rows


def column_q(name: str, today: date, soon_days: int = 3) -> Q:
    """The filter behind a dashboard column, for the list a count links to."""
    if name == DUE_SOON:
        return due_soon_q(today, soon_days)
    return bucket_q(name, today)
