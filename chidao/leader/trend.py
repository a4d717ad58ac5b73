"""Overdue at the end of each month: the trend on the leader's page.

A closed month's point is what the giao ban for that calendar month counts as "đang
thực hiện quá hạn" as of its last day (:func:`chidao.tracking.status.counted_q` and
:func:`~chidao.tracking.status.bucket_as_of_q`). It is computed the first time a page asks
for it, for every agency at once in one grouped query, and then kept (:class:`MonthEnd`),
like the figure of a signed report: later corrections to old records do not move it. The
running month's point is today's count, which the page has already.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, Q

from chidao.common.periods import recent_months
from chidao.leader.models import MonthEnd
from chidao.tracking.models import Assignment
from chidao.tracking.status import Bucket, bucket_as_of_q, counted_q

MONTHS = 12


@dataclass(frozen=True)
class Point:
    day: date  # the month's last day, or today for the running month
    overdue: int
    running: bool = False


def trend(today: date, overdue_today: int, agency_id: int | None) -> list[Point]:
    """``MONTHS`` points, oldest first: the closed months' ends, then today's count. With
    ``agency_id`` one agency's counts, else the whole city's."""
    months = list(reversed(recent_months(today, MONTHS)))
    ends = [m.end for m in months[:-1]]
    _compute_missing(ends)
    rows = MonthEnd.objects.filter(month__in=ends)
    if agency_id is None:
        rows = rows.filter(agency__isnull=True)
    else:
        rows = rows.filter(agency_id=agency_id)
    kept = dict(rows.values_list("month", "overdue"))
    points = [Point(day, kept.get(day, 0)) for day in ends]
    return [*points, Point(today, overdue_today, running=True)]


def _compute_missing(ends: list[date]) -> None:
    have = set(
        MonthEnd.objects.filter(month__in=ends, agency__isnull=True).values_list("month", flat=True)
    )
    missing = [day for day in ends if day not in have]
    if missing:
        _compute(missing)


def _compute(ends: list[date]) -> None:
    """Count the month ends ``ends`` for every agency in one grouped query and keep them
    (a concurrent page computing the same months inserts the same rows: ignored)."""
    aggregates: dict[str, Any] = {
        f"m{i}": Count("pk", filter=_overdue_on(day)) for i, day in enumerate(ends)
    }
    rows = list(
        Assignment.objects.filter(deadline__lt=max(ends))
        .order_by()
        .values("agency_id")
        .annotate(**aggregates)
    )
    kept = []
    for i, day in enumerate(ends):
        per_agency = {r["agency_id"]: r[f"m{i}"] for r in rows}
        kept.append(MonthEnd(month=day, agency_id=None, overdue=sum(per_agency.values())))
        kept += [MonthEnd(month=day, agency_id=a, overdue=n) for a, n in per_agency.items() if n]
    with transaction.atomic():
        MonthEnd.objects.bulk_create(kept, ignore_conflicts=True)


def _overdue_on(day: date) -> Q:
    """Overdue on ``day`` as the giao ban of ``day``'s month counts it."""
    return counted_q(day.replace(day=1), day) & bucket_as_of_q(Bucket.OPEN_LATE, day)
